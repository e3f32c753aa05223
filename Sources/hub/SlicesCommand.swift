import ArgumentParser
import HubCommandLine
import Kernel

struct SlicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "slices", abstract: "List the slices, their migrations and flags.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable { let slices: [SliceReport] }

    func run() async throws {
        try await common.withRuntime { runtime in
            try output.show(Listing(slices: try await runtime.sliceReports()), text: Self.text)
        }
    }

    /// The table of slices, then each enabled slice's settings with their values.
    static func text(_ listing: Listing) -> String {
        var table = TextTable("SLICE", "NO", "ENABLED", "REQUIRES", "MIGRATIONS", "FLAGS")
        for slice in listing.slices {
                let applied = slice.migrations.filter { $0.appliedAt != nil }.count
            table.add(
                slice.name, "\(slice.number)", slice.enabled ? "yes" : "no", slice.requires.joined(separator: ","),
                "\(applied)/\(slice.migrations.count) applied",
                slice.flags.map { "\($0.name)=\($0.enabled ? "on" : "off")" }.joined(separator: " ")
            )
        }
        var settings = TextTable("SETTING", "SLICE", "VALUE", "DEFAULT")
        for slice in listing.slices {
            for setting in slice.settings {
                settings.add(setting.name, slice.name, setting.value ?? "-", setting.defaultText)
            }
        }
        return table.rendered + (settings.rows.isEmpty ? "" : "\n\n" + settings.rendered)
    }
}
