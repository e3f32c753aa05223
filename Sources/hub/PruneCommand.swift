import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete raw reports older than the retention now, in small batches; safe while the hub serves."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Keep this many days instead of HUB_RETENTION_DAYS.")
    var olderThanDays: Int?

    struct Pruned: Encodable {
        let deleted: Int
        let cutoff: String
    }

    func run() async throws {
        try await common.withRuntime { runtime in
            let days = olderThanDays ?? runtime.configuration.retentionDays
            guard days >= 0 else { throw ConfigurationError("--older-than-days must be ≥ 0") }
            let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
            let deleted = try await runtime.pruner.prune(olderThan: cutoff)
            try output.show(Pruned(deleted: deleted, cutoff: Timestamp.format(cutoff))) { pruned in
                "deleted \(pruned.deleted) reports received before \(pruned.cutoff)"
            }
        }
    }
}
