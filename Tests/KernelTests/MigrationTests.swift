import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

@Suite struct MigrationTests {
    static let createThings = Migration.additive("toy-001-things", sql: """
        CREATE TABLE IF NOT EXISTS toy_things (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
        """)
    static let addIndex = Migration.additive("toy-002-things-label", sql: """
        CREATE INDEX IF NOT EXISTS toy_things_label ON toy_things (label);
        """)
    static let dropThings = Migration.destructive("toy-003-drop-things", sql: "DROP TABLE toy_things;")
    static let createOthers = Migration.additive("toy-004-others", sql: "CREATE TABLE IF NOT EXISTS toy_others (id INTEGER PRIMARY KEY);")

    /// Every table, column and index, as the store describes them.
    func schema(_ runtime: HubRuntime) async throws -> [String] {
        try await runtime.database.read { db in
            switch db.dialect {
            case .sqlite:
                try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
            case .postgres:
                try String.fetchAll(db, sql: """
                    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
                        WHERE table_schema = current_schema()
                    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                    ORDER BY 1
                    """)
            }
        }
    }

    func appliedIDs(_ runtime: HubRuntime) async throws -> Set<String> {
        Set(try await runtime.migrator.applied().keys)
    }

    func tableExists(_ table: String, in runtime: HubRuntime) async throws -> Bool {
        try await runtime.database.read { db in try db.tableExists(table) }
    }

    @Test func migratingTwiceAppliesNothingTheSecondTime() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings, Self.addIndex])])
            let first = try await runtime.migrator.migrate(allowDestructive: false)
            #expect(first.map(\.migration.id).suffix(2) == ["toy-001-things", "toy-002-things-label"])
            #expect(first.first?.owner == "kernel")
            let schemaAfterFirst = try await schema(runtime)
            let ledgerAfterFirst = try await runtime.migrator.applied()

            let second = try await runtime.migrator.migrate(allowDestructive: false)

            #expect(second.isEmpty)
            #expect(try await runtime.migrator.plan().isEmpty)
            #expect(try await schema(runtime) == schemaAfterFirst)
            #expect(try await runtime.migrator.applied() == ledgerAfterFirst)
        }
    }

    @Test func eachAppliedMigrationIsRecordedWithOwnerKindChecksumAndTime() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])], clock: clock)
            try await runtime.migrator.migrate(allowDestructive: false)
            let record = try #require(try await runtime.migrator.applied()["toy-001-things"])
            #expect(record.owner == "toy")
            #expect(record.kind == "additive")
            #expect(record.checksum == Self.createThings.checksum)
            #expect(record.appliedAt == Timestamp(clock.now()))
        }
    }

    @Test func anAppliedMigrationWhoseSQLChangedIsRefusedByID() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])])
            try await runtime.migrator.migrate(allowDestructive: false)
            let edited = Migration.additive("toy-001-things", sql: "CREATE TABLE IF NOT EXISTS toy_things (id INTEGER PRIMARY KEY, label TEXT);")
            let drifted = Migrator(
                database: runtime.database, owners: [("toy", [edited])], backupDirectory: runtime.configuration.backupDirectory,
                clock: runtime.clock, logger: runtime.logger
            )

            await #expect(throws: MigrationError.checksumMismatch(id: "toy-001-things")) {
                try await drifted.plan()
            }
            await #expect(throws: MigrationError.checksumMismatch(id: "toy-001-things")) {
                try await drifted.migrate(allowDestructive: true)
            }
            #expect(MigrationError.checksumMismatch(id: "toy-001-things").description.contains("toy-001-things"))
        }
    }

    @Test func aRestartWithAnEditedMigrationDoesNotAssemble() async throws {
        try await withDataDirectory { directory in
            let original = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])])
            try await original.migrator.migrate(allowDestructive: false)
            let edited = Migration.additive("toy-001-things", sql: Self.createThings.sql + "\n-- edited")
            let restarted = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [edited])])

            await #expect(throws: MigrationError.checksumMismatch(id: "toy-001-things")) {
                try await restarted.migrator.migrate(allowDestructive: false)
            }
            await #expect(throws: MigrationError.self) {
                try await restarted.assemble()
            }
        }
    }

    @Test func destructiveMigrationIsRefusedWithoutTheSwitchAndNothingIsApplied() async throws {
        try await withDataDirectory { directory in
            let before = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])])
            try await before.migrator.migrate(allowDestructive: false)
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings, Self.dropThings, Self.createOthers])])

            await #expect(throws: MigrationError.destructiveRefused(id: "toy-003-drop-things")) {
                try await runtime.migrator.migrate(allowDestructive: false)
            }

            let applied = try await appliedIDs(runtime)
            #expect(!applied.contains("toy-003-drop-things"))
            #expect(!applied.contains("toy-004-others"))
            #expect(try await tableExists("toy_things", in: runtime))
            #expect(try await !tableExists("toy_others", in: runtime))
            let backups = try? FileManager.default.contentsOfDirectory(atPath: runtime.configuration.backupDirectory.path)
            #expect((backups ?? []).isEmpty)
        }
    }

    /// The backup is SQLite's: on PostgreSQL the operator's own backups stand in for it.
    @Test func destructiveMigrationWithTheSwitchRunsAfterABackupOfThePreviousData() async throws {
        try await withDataDirectory { directory in
            let before = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])], onSQLite: true)
            try await before.migrator.migrate(allowDestructive: false)
            try await before.database.write { db in
                try db.execute(sql: "INSERT INTO toy_things (label) VALUES ('kept in the backup'), ('also kept')")
            }
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings, Self.dropThings])], onSQLite: true)

            let applied = try await runtime.migrator.migrate(allowDestructive: true)

            #expect(applied.map(\.migration.id) == ["toy-003-drop-things"])
            #expect(try await !tableExists("toy_things", in: runtime))
            let backupDirectory = runtime.configuration.backupDirectory
            let backups = try FileManager.default.contentsOfDirectory(atPath: backupDirectory.path).filter { $0.hasSuffix(".sqlite") }
            #expect(backups.count == 1)
            let backupFile = try #require(backups.first)
            let backup = try DatabaseQueue(path: backupDirectory.appendingPathComponent(backupFile).path)
            let labels = try await backup.read { db in try String.fetchAll(db, sql: "SELECT label FROM toy_things ORDER BY id") }
            #expect(labels == ["kept in the backup", "also kept"])
            let backedUpLedger = try await backup.read { db in try String.fetchAll(db, sql: "SELECT id FROM kernel_migrations") }
            #expect(!backedUpLedger.contains("toy-003-drop-things"))
        }
    }

    @Test func aPendingMigrationRefusesToAssemble() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.createThings])])
            await #expect(throws: MigrationError.self) {
                try await runtime.assemble()
            }
        }
    }

    @Test func disablingASliceKeepsItsTablesAndData() async throws {
        try await withDataDirectory { directory in
            let kept = toySlice("kept", number: 1)
            let dropped = toySlice("dropped", number: 2, migrations: [Self.createThings]) { _ in
                SliceParts(routes: [SliceRoute(.get, "/dropped", access: .open) { _ in try .json(["here": true]) }])
            }
            let both = try await startHub(in: directory, catalogue: [kept, dropped])
            try await both.runtime.database.write { db in
                try db.execute(sql: "INSERT INTO toy_things (label) VALUES ('still here')")
            }

            let restarted = try await startHub(in: directory, catalogue: [kept, dropped], enabled: ["kept"])

            #expect(try await tableExists("toy_things", in: restarted.runtime))
            let labels = try await restarted.runtime.database.read { db in try String.fetchAll(db, sql: "SELECT label FROM toy_things") }
            #expect(labels == ["still here"])
            #expect(try await appliedIDs(restarted.runtime).contains("toy-001-things"))
            let status = try await restarted.withClient { client in try await client.execute(uri: "/dropped", method: .get).status }
            #expect(status == .notFound)
        }
    }
}
