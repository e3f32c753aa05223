import Foundation
import GRDB
import HubTestSupport
import Kernel
import Synchronization
import Testing

/// The cutover of a database with history: every legacy report arrives in
/// `guest_reports` with its id, customer, time and raw bytes, under the guest its
/// customer's controller runs in when there is exactly one such guest.
/// The legacy hub's SQLite folder is this suite's subject (a template copied per test,
/// its backup file, its WAL): SQLite only. The cutover on PostgreSQL runs in the
/// suites that migrate a fresh hub.
@Suite(.enabled(if: !TestDatabase.isPostgres, "a legacy SQLite folder is the subject"))
struct UpgradeTests {
    @Test func everyLegacyReportArrivesWithItsRawBytesUnderItsGuest() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let before = try await LegacyDatabase.inspect(seeded.directory) { db in try LegacyDatabase.rows("reports", in: db) }
        #expect(before.count == LegacyDatabase.reportCount)

        let runtime = try await LegacyDatabase.runtime(seeded.directory)
        let preview = try await runtime.migrator.preview()
        let progress = Recorded<MigrationProgress>()
        let applied = try await runtime.migrator.migrate(allowDestructive: true) { progress.append($0) }
        try runtime.close()

        #expect(applied.map(\.migration.id) == ["cutover-001-guest-reports"])
        let after = try await LegacyDatabase.inspect(seeded.directory) { db in
            (try LegacyDatabase.rows("guest_reports", in: db), try db.tableExists("reports"))
        }
        #expect(after.0 == before, "ids, customers, times and raw bytes")
        #expect(after.1 == false, "reports is dropped")

        let guests = try await LegacyDatabase.inspect(seeded.directory) { db in
            try Dictionary(grouping: Row.fetchAll(db, sql: "SELECT customer_id, guest_id FROM guest_reports"), by: { $0["customer_id"] as String })
                .mapValues { Set($0.map { $0["guest_id"] as String? }) }
        }
        for customer in LegacyDatabase.mappedCustomers {
            #expect(guests[customer] == [seeded.guestOf[customer]], "\(customer) maps to its one controller guest")
        }
        for customer in LegacyDatabase.unmappedCustomers {
            #expect(guests[customer] == [nil], "\(customer) stays unmapped, with its customer kept")
        }
        let mapped = before.filter { LegacyDatabase.mappedCustomers.contains($0.customerID) }.count
        #expect(preview.procedures.first?.preview.counts.map(\.value) == [LegacyDatabase.reportCount, mapped, LegacyDatabase.reportCount - mapped])
        #expect(progress.all.contains { $0.phase == "copying" && $0.done == LegacyDatabase.reportCount })
        #expect(progress.all.contains { $0.phase == "verifying" })
    }

    @Test func theBackupHoldsTheOldSchemaWithAllItsReports() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let before = try await LegacyDatabase.inspect(seeded.directory) { db in try LegacyDatabase.rows("reports", in: db) }
        let runtime = try await LegacyDatabase.runtime(seeded.directory)
        let planned = try #require(try await runtime.migrator.preview().backupFile)
        try await runtime.migrator.migrate(allowDestructive: true)
        try runtime.close()

        let backups = try FileManager.default.contentsOfDirectory(
            at: seeded.directory.appendingPathComponent("backups"), includingPropertiesForKeys: nil
        ).filter { $0.pathExtension == "sqlite" }
        #expect(backups.count == 1)
        let backup = try #require(backups.first)
        #expect(backup.lastPathComponent == planned.lastPathComponent, "the dry run said where the backup goes")
        let permissions = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        var configuration = Configuration()
        configuration.readonly = true
        let copy = try DatabaseQueue(path: backup.path, configuration: configuration)
        let kept = try await copy.read { db in
            (try LegacyDatabase.rows("reports", in: SQLiteSession(db)), try db.tableExists("guest_reports"), try Int.fetchOne(db, sql: "PRAGMA integrity_check") )
        }
        #expect(kept.0 == before)
        #expect(kept.1 == false)
        try copy.close()

        // Going back as the README's runbook does: the cut-over files set aside, the backup
        // in their place; the hub then starts without the cutover, with nothing to apply.
        let database = seeded.directory.appendingPathComponent("hub.sqlite")
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: database.path + suffix)
        }
        try FileManager.default.copyItem(at: backup, to: database)
        let restored = try await LegacyDatabase.runtime(seeded.directory, slices: CutoverFixture.legacy)
        #expect(try await restored.migrator.plan().isEmpty)
        let reports = try await restored.database.read { db in try LegacyDatabase.rows("reports", in: db) }
        #expect(reports == before)
        try restored.close()
    }

    @Test func theGuestsOfMappedControllersKeepTheirLastReportTimeForTheDeadMansSwitch() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let lastReports = try await LegacyDatabase.inspect(seeded.directory) { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT customer_id, last_report_at FROM customer_configs").map {
                ($0["customer_id"] as String, $0["last_report_at"] as String?)
            })
        }
        let runtime = try await LegacyDatabase.runtime(seeded.directory)
        try await runtime.migrator.migrate(allowDestructive: true)
        try runtime.close()

        let heads = try await LegacyDatabase.inspect(seeded.directory) { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT guest_id, last_report_at FROM guest_report_heads").map {
                ($0["guest_id"] as String, $0["last_report_at"] as String)
            })
        }
        #expect(heads.count == LegacyDatabase.mappedCustomers.count)
        for customer in LegacyDatabase.mappedCustomers {
            let guest = try #require(seeded.guestOf[customer])
            #expect(heads[guest] == lastReports[customer] ?? nil)
        }
    }
}

/// Values a sendable callback hands over, read back by the test.
final class Recorded<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])
    var all: [Value] { values.withLock { $0 } }
    func append(_ value: Value) { values.withLock { $0.append(value) } }
}
