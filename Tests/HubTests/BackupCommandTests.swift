import Foundation
import GRDB
import HubTestSupport
import Testing

/// `hub backup FILE`: a consistent, private copy of the database, taken while the hub
/// serves; it never replaces a file.
@Suite struct BackupCommandTests {
    @Test func aCopyTakenWhileTheHubServesHoldsWhatWasCommittedAndOpensClean() async throws {
        try await withDataDirectory { directory in
            let added = try await HubProcess.run(["customers", "add", "acme"], dataDirectory: directory)
            #expect(added.status == 0)
            let hub = try await ServingHub(dataDirectory: directory, descriptorLimit: 1024, environment: [:])
            defer { hub.stop() }
            let file = directory.appendingPathComponent("copies/hub-copy.sqlite")

            let backup = try await HubProcess.run(["backup", file.path, "--json"], dataDirectory: directory)

            #expect(backup.status == 0, "\(backup.stderr)")
            #expect(try printedJSON(backup)["file"] as? String == file.path)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            var configuration = Configuration()
            configuration.readonly = true
            let copy = try DatabaseQueue(path: file.path, configuration: configuration)
            let seen = try await copy.read { db in
                (try String.fetchAll(db, sql: "SELECT customer_id FROM customer_configs"), try String.fetchOne(db, sql: "PRAGMA integrity_check"))
            }
            try copy.close()
            #expect(seen.0 == ["acme"])
            #expect(seen.1 == "ok")

            let again = try await HubProcess.run(["backup", file.path], dataDirectory: directory)
            #expect(again.status == 2)
            #expect(again.stderrLines.count == 1 && again.stderr.contains("exists"))
        }
    }
}
