import ArgumentParser
import Kernel

struct SlicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "slices", abstract: "List the slices, their migrations and flags.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable { let slices: [SliceReport] }

    func run() async throws {
        try await CommandFailure.guarding {
            let runtime = try await common.openRuntime(logger: LogSetup.logger)
            defer { try? runtime.close() }
            let reports = try await runtime.sliceReports()
            if output.json { return try Console.json(Listing(slices: reports)) }
            var table = TextTable("SLICE", "NO", "ENABLED", "REQUIRES", "MIGRATIONS", "FLAGS")
            for slice in reports {
                let applied = slice.migrations.filter { $0.appliedAt != nil }.count
                table.add(
                    slice.name, "\(slice.number)", slice.enabled ? "yes" : "no", slice.requires.joined(separator: ","),
                    "\(applied)/\(slice.migrations.count) applied",
                    slice.flags.map { "\($0.name)=\($0.enabled ? "on" : "off")" }.joined(separator: " ")
                )
            }
            Console.line(table.rendered)
        }
    }
}
