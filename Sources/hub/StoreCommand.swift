import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

/// `hub store copy --to postgres://…`: moves a SQLite hub into PostgreSQL (see
/// ``StoreCopy``), then says how to switch.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move the hub's data between stores.",
        subcommands: [Copy.self]
    )

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy this SQLite hub's whole database into an empty PostgreSQL database, and verify the counts.",
            discussion: """
                Stop the hub first: the copy takes what the database holds when it starts. The target must be a \
                database of its own with no tables (CREATE DATABASE hub OWNER hub). Every slice's tables move, the \
                migration ledger, the flags and their audit included.
                """
        )

        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .long, help: "The PostgreSQL database to fill: postgres://user:password@host:port/database[?sslmode=require].")
        var to: String

        struct Copied: Encodable {
            let target: String
            let tables: [StoreCopy.CopiedTable]
            let next: String
        }

        func run() async throws {
            try await common.withRuntime(migrate: false) { runtime in
                guard runtime.database.dialect == .sqlite else {
                    throw ConfigurationError("HUB_DATABASE_URL is set: this hub is on PostgreSQL already; the copy reads a SQLite hub")
                }
                if let pending = try await runtime.migrator.plan().first {
                    throw ConfigurationError("migration \(pending.migration.id) is pending; run 'hub migrate' first, so the copy carries a whole schema")
                }
                // The hub must not serve meanwhile: what it wrote after the copy started would stay behind.
                let folderLock = try DataFolderLock.exclusive(runtime.configuration.dataDirectory)
                defer { withExtendedLifetime(folderLock) {} }
                let address = try PostgresAddress(url: to)
                let target = HubDatabase(engine: .postgres(try PostgresStore(address: address, logger: runtime.logger)))
                defer { try? target.close() }
                let copy = StoreCopy(
                    source: runtime.database, target: target,
                    owners: runtime.resolver.orderedCatalogue.map { ($0.name, $0.migrations) }, clock: runtime.clock, logger: runtime.logger
                )
                let tables = try await copy.run()
                let next = """
                    To switch: keep this hub stopped; on every replica set HUB_DATABASE_URL=\(address) (with its password), \
                    give each the same global key (HUB_GLOBAL_API_KEY, or this folder's global-api-key) and a copy of \
                    \(runtime.configuration.dataDirectory.appendingPathComponent("ops-signing-key.pem").path); then start them with 'hub serve'.
                    """
                try output.show(Copied(target: address.description, tables: tables, next: next)) { copied in
                    (["copied into \(copied.target):"] + copied.tables.map { "  \($0.table): \($0.rows) rows" } + [copied.next])
                        .joined(separator: "\n")
                }
            }
        }
    }
}
