import Foundation
import HubTestSupport
import GRDB
import Testing

@Suite struct MigrateCommandTests {
    func tables(in directory: URL) throws -> [String] {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("hub.sqlite").path)
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
    }

    @Test func dryRunOnAFreshFolderPrintsThePlanAndCreatesNoTables() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["migrate", "--dry-run"], dataDirectory: directory)

            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout.contains("would apply"))
            #expect(outcome.stdout.contains("kernel-001-events"))
            #expect(outcome.stdout.contains("controller-001-customer-configs"))
            #expect(outcome.stdout.contains("controller-002-reports"))
            #expect(try tables(in: directory).isEmpty)
        }
    }

    @Test func migrateAppliesThePlanOnceThenHasNothingToDo() async throws {
        try await withDataDirectory { directory in
            let first = try await HubProcess.run(["migrate"], dataDirectory: directory)
            #expect(first.status == 0, "stderr: \(first.stderr)")
            #expect(first.stdout.contains("applied"))
            #expect(first.stdout.contains("controller-002-reports"))
            let created = try tables(in: directory)
            #expect(created.contains("customer_configs"))
            #expect(created.contains("reports"))
            #expect(created.contains("kernel_migrations"))

            let second = try await HubProcess.run(["migrate"], dataDirectory: directory)
            #expect(second.status == 0)
            #expect(second.stdout.contains("nothing to apply"))
            let dryRun = try await HubProcess.run(["migrate", "--dry-run"], dataDirectory: directory)
            #expect(dryRun.stdout.contains("nothing to apply"))
            #expect(try tables(in: directory) == created)
        }
    }
}
