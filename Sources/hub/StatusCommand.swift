import ArgumentParser
import HubCommandLine
import Kernel

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One screen on the hub: slices and flags, customers, hosts and controllers by state, last events, webhook backlog."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "How many of the newest events to show.")
    var events = 10

    func validate() throws {
        guard (0...1000).contains(events) else { throw ValidationError("--events must be 0 to 1000") }
    }

    func run() async throws {
        try await common.withRuntime { runtime in
            try output.show(try await HubStatus.gather(from: runtime, eventCount: events), text: StatusScreen.render)
        }
    }
}
