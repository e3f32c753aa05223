import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

/// `hub backup FILE`: a consistent copy of the database while the hub serves (SQLite's
/// backup API from one read snapshot; writers go on meanwhile).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to FILE (mode 0600), also while the hub serves.",
        discussion: "Restore by stopping the hub and putting the copy in place of $HUB_DATA_DIR/hub.sqlite (removing hub.sqlite-wal and hub.sqlite-shm)."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Where the copy goes; must not exist.")
    var file: String

    struct Written: Encodable {
        let file: String
        let bytes: Int
    }

    func run() async throws {
        try await common.withRuntime(migrate: false) { runtime in
            let destination = URL(fileURLWithPath: file)
            try await runtime.database.backup(to: destination)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
            try output.show(Written(file: destination.path, bytes: bytes)) { "backed up to \($0.file) (\($0.bytes) bytes)" }
        }
    }
}
