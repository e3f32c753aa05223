import Crypto
import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// `hub migrate --dry-run` shows the operator what the cutover will do — the steps, how
/// many reports map to a guest, where the backup goes — and writes nothing at all.
/// The legacy hub's SQLite folder is this suite's subject (a template copied per test,
/// its backup file, its WAL): SQLite only. The cutover on PostgreSQL runs in the
/// suites that migrate a fresh hub.
@Suite(.enabled(if: !TestDatabase.isPostgres, "a legacy SQLite folder is the subject"))
struct DryRunTests {
    /// SHA-256 of each of the database's files (a missing one counts as empty).
    func fingerprint(_ directory: URL) -> [String: String] {
        var prints: [String: String] = [:]
        for name in ["hub.sqlite", "hub.sqlite-wal"] {
            let data = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
            prints[name] = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        }
        return prints
    }

    @Test func theJSONPlanCountsWhatWillMapAndChangesNoByteEvenOfTheWAL() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        // A connection that keeps uncheckpointed pages in the WAL while the dry run looks.
        let holder = try DatabaseQueue(path: seeded.directory.appendingPathComponent("hub.sqlite").path)
        try await holder.write { db in try db.execute(sql: "UPDATE customer_configs SET name = 'in the WAL' WHERE customer_id = 'c00'") }
        let mapped = try await holder.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports WHERE customer_id IN (\(LegacyDatabase.mappedCustomers.map { "'\($0)'" }.joined(separator: ",")))") ?? 0
        }
        let before = fingerprint(seeded.directory)
        #expect(before["hub.sqlite-wal"] != fingerprint(URL(fileURLWithPath: "/nonexistent"))["hub.sqlite-wal"], "the WAL holds pages")

        let dryRun = try await ExternalProcess.hub(["migrate", "--dry-run", "--json"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)

        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(fingerprint(seeded.directory) == before)
        try holder.close()
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any])
        let steps = try #require(plan["steps"] as? [[String: String]])
        #expect(steps == [["id": "cutover-001-guest-reports", "owner": "cutover", "kind": "destructive"]])
        let counts = try #require(plan["cutover"] as? [String: Int])
        #expect(counts == ["reports": LegacyDatabase.reportCount, "mapped": mapped, "unmapped": LegacyDatabase.reportCount - mapped])
        let backup = try #require(plan["backup"] as? String)
        #expect(backup.hasPrefix(seeded.directory.appendingPathComponent("backups").path + "/") && backup.hasSuffix(".sqlite"))
        #expect(!FileManager.default.fileExists(atPath: seeded.directory.appendingPathComponent("backups").path))
    }

    /// Here nothing else has the database open while the dry run looks, so closing it
    /// last would checkpoint the WAL into the main file, unless it opened read-only. A
    /// hub killed with pages still in its WAL leaves the database so.
    @Test func theTextPlanSaysTheSameInLinesAndLeavesAnOrphanedWALAlone() async throws {
        let seeded = try await LegacyDatabase.copy()
        defer { try? FileManager.default.removeItem(at: seeded.directory) }
        let server = try await LegacyDatabase.serveLegacy(seeded.directory)
        let added = try await ExternalProcess.hub(["customers", "add", "zed"], dataDirectory: seeded.directory, environment: LegacyDatabase.legacySettings)
        #expect(added.status == 0)
        kill(server.pid, SIGKILL)
        server.wait()
        let before = fingerprint(seeded.directory)
        #expect(before["hub.sqlite-wal"] != fingerprint(URL(fileURLWithPath: "/nonexistent"))["hub.sqlite-wal"], "the WAL holds pages")

        let dryRun = try await ExternalProcess.hub(["migrate", "--dry-run"], dataDirectory: seeded.directory, environment: InterruptionTests.settings)

        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("cutover-001-guest-reports  (cutover, destructive)"))
        #expect(dryRun.stdout.contains("cutover: reports \(LegacyDatabase.reportCount), mapped "))
        #expect(dryRun.stdout.contains("hub migrate --allow-destructive"))
        #expect(fingerprint(seeded.directory) == before)
        let still = try await LegacyDatabase.inspect(seeded.directory) { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") }
        #expect(still == LegacyDatabase.reportCount)
    }
}
