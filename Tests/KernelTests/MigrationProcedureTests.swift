import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// A destructive migration with a procedure: one transaction with its ledger row, shown
/// before it runs, taken without ceremony on an empty database, and pinning its slice
/// once applied.
@Suite struct MigrationProcedureTests {
    static let createOld = Migration.additive("toy-001-old", sql: "CREATE TABLE IF NOT EXISTS toy_old (id INTEGER PRIMARY KEY, label TEXT NOT NULL);")

    /// Copies `toy_old` into `toy_new` a row at a time, reporting each, then drops it.
    struct CopyAndDrop: MigrationProcedure {
        func preview(_ db: any DatabaseSession) throws -> MigrationPreview {
            let rows = try db.tableExists("toy_old") ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM toy_old") ?? 0 : 0
            return MigrationPreview(counts: [("rows", rows)])
        }

        func run(_ db: any DatabaseSession, at now: Date, progress: MigrationProgressReporter) throws {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM toy_old ORDER BY id")
            for (index, id) in ids.enumerated() {
                try db.execute(sql: "INSERT INTO toy_new SELECT id, label FROM toy_old WHERE id = ?", arguments: [id])
                try progress.report("copying", done: index + 1, of: ids.count)
            }
            try db.execute(sql: "DROP TABLE toy_old")
        }
    }

    static let move = Migration.destructive(
        "toy-002-move", sql: "CREATE TABLE toy_new (id INTEGER PRIMARY KEY, label TEXT NOT NULL);", procedure: CopyAndDrop(),
        describedBy: "copy toy_old to toy_new, drop toy_old"
    )

    struct Stop: Error {}

    func tables(_ runtime: HubRuntime) async throws -> Set<String> {
        Set(try await runtime.database.read { db in
            switch db.dialect {
            case .sqlite:
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'toy_%'")
            case .postgres:
                try String.fetchAll(db, sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'toy_%'")
            }
        })
    }

    /// A database with `toy_old` holding three rows.
    func seeded(_ directory: URL, onSQLite: Bool = false) async throws {
        let before = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createOld])], onSQLite: onSQLite)
        try await before.migrator.migrate(allowDestructive: false)
        try await before.database.write { db in try db.execute(sql: "INSERT INTO toy_old (label) VALUES ('a'), ('b'), ('c')") }
        try before.close()
    }

    @Test func aFailureFromTheProcedureUndoesItsSQLItsWorkAndItsLedgerRow() async throws {
        try await withDataDirectory { directory in
            try await seeded(directory)
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createOld, Self.move])])

            await #expect(throws: Stop.self) {
                try await runtime.migrator.migrate(allowDestructive: true) { progress in
                    if progress.done == 2 { throw Stop() }
                }
            }

            #expect(try await tables(runtime) == ["toy_old"])
            #expect(try await runtime.migrator.applied()["toy-002-move"] == nil)
            let progress = Recorder<MigrationProgress>()
            try await runtime.migrator.migrate(allowDestructive: true) { progress.append($0) }
            #expect(try await tables(runtime) == ["toy_new"])
            #expect(progress.all.map(\.done) == [1, 2, 3])
            #expect(progress.all.allSatisfy { $0.migrationID == "toy-002-move" && $0.total == 3 })
            let labels = try await runtime.database.read { db in try String.fetchAll(db, sql: "SELECT label FROM toy_new ORDER BY id") }
            #expect(labels == ["a", "b", "c"])
        }
    }

    @Test func thePreviewCountsWhatTheProcedureWouldMoveAndWhereTheBackupGoes() async throws {
        try await withDataDirectory { directory in
            try await seeded(directory)
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createOld, Self.move])])

            let preview = try await runtime.migrator.preview()

            #expect(preview.steps.map(\.migration.id) == ["toy-002-move"])
            #expect(preview.procedures.map(\.owner) == ["toy"])
            #expect(preview.procedures.first?.preview == MigrationPreview(counts: [("rows", 3)]))
            switch runtime.database.dialect {
            case .sqlite:
                let backup = try #require(preview.backupFile)
                #expect(backup.deletingLastPathComponent().path == runtime.configuration.backupDirectory.path)
            case .postgres:
                // PostgreSQL is backed up with its own tools; the hub makes no file.
                #expect(preview.backupFile == nil)
            }
            #expect(!FileManager.default.fileExists(atPath: runtime.configuration.backupDirectory.path))
            #expect(try await tables(runtime) == ["toy_old"])
        }
    }

    @Test func anEmptyDatabaseTakesDestructiveStepsAtTheFirstStartWithoutABackup() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createOld, Self.move])])
            #expect(try await runtime.migrator.preview().backupFile == nil)

            let applied = try await runtime.migrator.migrate(allowDestructive: false)

            #expect(applied.map(\.migration.id).suffix(2) == ["toy-001-old", "toy-002-move"])
            #expect(try await tables(runtime) == ["toy_new"])
            #expect(!FileManager.default.fileExists(atPath: runtime.configuration.backupDirectory.path))
        }
    }

    @Test func theProceduresTextIsPartOfTheChecksum() {
        let edited = Migration.destructive("toy-002-move", sql: Self.move.sql, procedure: CopyAndDrop(), describedBy: "copy, then drop (v2)")
        #expect(edited.checksum != Self.move.checksum)
        #expect(edited != Self.move)
    }

    @Test func aSliceWhoseDestructiveMigrationRanCannotBeLeftOut() async throws {
        try await withDataDirectory { directory in
            try await seeded(directory)
            let catalogue = [toySlice("base", number: 1), toySlice(number: 2, migrations: [Self.createOld, Self.move])]
            let runtime = try await openRuntime(in: directory, catalogue: catalogue)
            try await runtime.migrator.migrate(allowDestructive: true)
            try runtime.close()

            await #expect {
                try await openRuntime(in: directory, catalogue: catalogue, enabled: ["base"])
            } throws: { error in
                let message = (error as? ConfigurationError)?.message ?? ""
                return message.contains("'toy'") && message.contains("toy-002-move")
            }
            await #expect(throws: ConfigurationError.self) {
                try await openRuntime(in: directory, catalogue: [toySlice("base", number: 1)])
            }
            _ = try await openRuntime(in: directory, catalogue: catalogue)
        }
    }

    /// SQLite's own backup; a PostgreSQL hub has none (`hub backup` refuses there).
    @Test func theBackupIsAConsistentCopyThatNeverReplacesAFile() async throws {
        try await withDataDirectory { directory in
            try await seeded(directory, onSQLite: true)
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createOld])], onSQLite: true)
            let file = directory.appendingPathComponent("copies/one.sqlite")

            try await runtime.database.backup(to: file)

            let copy = try DatabaseQueue(path: file.path)
            let labels = try await copy.read { db in try String.fetchAll(db, sql: "SELECT label FROM toy_old ORDER BY id") }
            #expect(labels == ["a", "b", "c"])
            try copy.close()
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            await #expect(throws: ConfigurationError.self) { try await runtime.database.backup(to: file) }
        }
    }
}
