import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// The cutover runs only when the operator says so, the hub does not serve while it is
/// pending, and a database cut over is never served without the slice.
/// The legacy hub's SQLite folder is this suite's subject (a template copied per test,
/// its backup file, its WAL): SQLite only. The cutover on PostgreSQL runs in the
/// suites that migrate a fresh hub.
@Suite(.enabled(if: !TestDatabase.isPostgres, "a legacy SQLite folder is the subject"))
struct RefusalTests {
    @Test func withoutTheSwitchNothingRunsAndNothingChanges() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let before = try await LegacyDatabase.inspect(seeded.directory) { db in
            (try LegacyDatabase.rows("reports", in: db), try String.fetchAll(db, sql: "SELECT id FROM kernel_migrations ORDER BY id"))
        }

        let command = try await ExternalProcess.hub(["migrate"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)

        #expect(command.status != 0)
        #expect(command.stderrLines.count == 1)
        #expect(command.stderr.contains("cutover-001-guest-reports") && command.stderr.contains("hub migrate --allow-destructive"))
        let after = try await LegacyDatabase.inspect(seeded.directory) { db in
            (try LegacyDatabase.rows("reports", in: db), try String.fetchAll(db, sql: "SELECT id FROM kernel_migrations ORDER BY id"))
        }
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(!FileManager.default.fileExists(atPath: seeded.directory.appendingPathComponent("backups").path), "no backup without the switch")
    }

    @Test func serveRefusesToStartWhileTheCutoverIsPending() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }

        let serve = try await ExternalProcess.hub(["serve"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)

        #expect(serve.status == 2)
        let line = try #require(serve.stderrLines.last)
        #expect(line.contains("cutover-001-guest-reports") && line.contains("hub migrate --allow-destructive"), "\(line)")
        #expect(try await LegacyDatabase.inspect(seeded.directory) { db in try db.tableExists("reports") })
    }

    @Test func aDatabaseCutOverIsNeverStartedWithoutTheSlice() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let runtime = try await LegacyDatabase.runtime(seeded.directory)
        try await runtime.migrator.migrate(allowDestructive: true)
        try runtime.close()

        await #expect {
            try await LegacyDatabase.runtime(seeded.directory, slices: CutoverFixture.legacy)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("'cutover'") == true
        }
        var settings = InterruptionTests.settings
        settings["HUB_SLICES"] = CutoverFixture.legacy.joined(separator: ",")
        for arguments in [["serve"], ["customers", "list"], ["migrate"]] {
            let refused = try await ExternalProcess.hub(arguments, dataDirectory: seeded.directory, environment: settings)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderrLines.count == 1 && refused.stderr.contains("'cutover'") && refused.stderr.contains("cutover-001-guest-reports"))
        }
        // With the slice it starts, and the controller's legacy route is gone: customer
        // keys are refused where they used to report.
        let fixture = try await CutoverFixture.cutOver(directory: seeded.directory)
        let legacyKey = try #require(seeded.customerKeys["c00"])
        let refused = try await fixture.controllerReport(key: legacyKey, customer: "c00")
        #expect(refused.status == 401)
        #expect(try await fixture.hub.count("guest_reports") == LegacyDatabase.reportCount)
    }

    /// A hub still serving the folder would write to the table the cutover drops: the
    /// destructive run refuses to start under it, and starts once it has stopped.
    @Test func theCutoverDoesNotRunUnderAServingHub() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let server = try await LegacyDatabase.serveLegacy(seeded.directory)

        let refused = try await ExternalProcess.hub(["migrate", "--allow-destructive"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)
        #expect(refused.status == 2)
        #expect(refused.stderrLines.count == 1 && refused.stderr.contains("a hub is serving"), "\(refused.stderr)")
        let dryRun = try await ExternalProcess.hub(["migrate", "--dry-run"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)
        #expect(dryRun.status == 0, "the plan can be read while the hub serves")

        server.terminate()
        #expect(try await LegacyDatabase.inspect(seeded.directory) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") } == LegacyDatabase.reportCount)
        let applied = try await ExternalProcess.hub(["migrate", "--allow-destructive"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)
        #expect(applied.status == 0, "\(applied.stderr)")
    }
}
