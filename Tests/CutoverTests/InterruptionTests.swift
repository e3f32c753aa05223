import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// All or nothing: a cutover stopped at any point — by a failure inside it or by
/// `kill -9` — leaves the old schema with all its reports, and the next run finishes.
/// The legacy hub's SQLite folder is this suite's subject (a template copied per test,
/// its backup file, its WAL): SQLite only. The cutover on PostgreSQL runs in the
/// suites that migrate a fresh hub.
@Suite(.enabled(if: !TestDatabase.isPostgres, "a legacy SQLite folder is the subject"))
struct InterruptionTests {
    struct Stopped: Error {}

    /// The old schema, whole: every report, no `guest_reports`, no ledger row.
    func expectOldSchemaIntact(_ directory: URL, reports: [LegacyDatabase.Row]) async throws {
        let state = try await LegacyDatabase.inspect(directory) { db in
            (
                try LegacyDatabase.rows("reports", in: db), try db.tableExists("guest_reports"), try db.tableExists("guest_report_heads"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kernel_migrations WHERE id = 'cutover-001-guest-reports'") ?? -1,
                try String.fetchOne(db, sql: "PRAGMA integrity_check")
            )
        }
        #expect(state.0 == reports)
        #expect(state.1 == false && state.2 == false)
        #expect(state.3 == 0)
        #expect(state.4 == "ok")
    }

    func expectCutOver(_ directory: URL, reports: [LegacyDatabase.Row]) async throws {
        let state = try await LegacyDatabase.inspect(directory) { db in
            (try LegacyDatabase.rows("guest_reports", in: db), try db.tableExists("reports"))
        }
        #expect(state.0 == reports)
        #expect(state.1 == false)
    }

    @Test(arguments: ["copying", "verifying"])
    func aFailureInsideTheCutoverLeavesTheOldSchemaAndARetrySucceeds(phase: String) async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let before = try await LegacyDatabase.inspect(seeded.directory) { db in try LegacyDatabase.rows("reports", in: db) }

        let runtime = try await LegacyDatabase.runtime(seeded.directory)
        await #expect(throws: Stopped.self) {
            try await runtime.migrator.migrate(allowDestructive: true) { progress in
                // Half-way through the phase: rows have been written by then.
                if progress.phase == phase, progress.done > 0, progress.done < progress.total { throw Stopped() }
            }
        }
        await #expect(throws: MigrationError.self) { try await runtime.assemble() }
        try runtime.close()
        try await expectOldSchemaIntact(seeded.directory, reports: before)

        let retry = try await LegacyDatabase.runtime(seeded.directory)
        try await retry.migrator.migrate(allowDestructive: true)
        _ = try await retry.assemble()
        try retry.close()
        try await expectCutOver(seeded.directory, reports: before)
    }

    /// `hub migrate --allow-destructive` in a child process, killed with SIGKILL as soon
    /// as it says it has started copying. Should the child ever finish first (a very fast
    /// machine), the run is repeated on a fresh copy: the point is the kill mid-copy.
    @Test func killedMidCopyTheOldSchemaStaysAndTheNextRunFinishes() async throws {
        for _ in 0..<3 {
            let seeded = try await LegacyDatabase.copy()
            defer { try? FileManager.default.removeItem(at: seeded.directory) }
            let before = try await LegacyDatabase.inspect(seeded.directory) { db in try LegacyDatabase.rows("reports", in: db) }
            let output = seeded.directory.appendingPathComponent("migrate.err")
            let child = try SpawnedProcess(
                executable: try ExternalProcess.hubExecutable().path, arguments: ["migrate", "--allow-destructive"],
                environment: Self.environment(seeded.directory), stdout: seeded.directory.appendingPathComponent("migrate.out"), stderr: output
            )
            try await eventually("the copy to start") {
                let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                return text.contains("copying") || !child.isRunning
            }
            kill(child.pid, SIGKILL)
            let status = child.wait()
            guard status == 128 + SIGKILL else { continue }

            try await expectOldSchemaIntact(seeded.directory, reports: before)
            let serve = try await ExternalProcess.hub(["serve"], dataDirectory: seeded.directory, environment: Self.settings)
            #expect(serve.status == 2, "the step is still pending")
            #expect(serve.stderr.contains("cutover-001-guest-reports"))

            let rerun = try await ExternalProcess.hub(["migrate", "--allow-destructive"], dataDirectory: seeded.directory, environment: Self.settings)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(rerun.stdout.contains("cutover-001-guest-reports"))
            try await expectCutOver(seeded.directory, reports: before)
            return
        }
        Issue.record("the migration finished before it could be killed, three times")
    }

    static let settings = ["HUB_SLICES": CutoverFixture.all.joined(separator: ","), "HUB_GLOBAL_API_KEY": TestHub.globalKey, "HUB_LISTEN": "127.0.0.1:0"]

    static func environment(_ directory: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        environment["HUB_DATA_DIR"] = directory.path
        environment.merge(settings) { $1 }
        return environment
    }
}
