import Foundation
import HubTestSupport
import Kernel
import Testing

/// Replicas on one PostgreSQL database are one hub to the agents: a replica that would
/// sign with another key than the fleet's, or has none, refuses to start. Needs a
/// PostgreSQL server (`HUB_TEST_DATABASE_URL`).
@Suite(.enabled(if: TestDatabase.serverURL != nil, "needs a PostgreSQL server (HUB_TEST_DATABASE_URL)"))
struct FleetSigningKeyTests {
    @Test func aReplicaWithTheFleetsKeyStartsAndSignsAlike() async throws {
        let first = try await SignedOpsFixture.make()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hub-replica-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: first.hub.directory.appendingPathComponent("ops-signing-key.pem"), to: folder.appendingPathComponent("ops-signing-key.pem")
        )
        let second = SignedOpsFixture(hub: try await TestHub(slices: SignedOpsFixture.slices, directory: folder, postgres: first.hub.postgres))
        #expect(try await second.publishedKeys().map { $0["keyid"] as? String } == first.publishedKeys().map { $0["keyid"] as? String })
    }

    @Test func aReplicaWithAnotherKeyOrNoneRefusesToStartNamingBoth() async throws {
        let first = try await SignedOpsFixture.make()
        let active = try #require(try await first.publishedKeys().first?["keyid"] as? String)
        // A folder of its own: the replica would generate a key, and must not.
        let bare = try await #require(throws: ConfigurationError.self) {
            try await TestHub(slices: SignedOpsFixture.slices, postgres: first.hub.postgres)
        }
        #expect(bare.description.contains("no ops signing key") && bare.description.contains(active))
        // Another hub's key in its folder.
        let other = try await TestHub(slices: SignedOpsFixture.slices, onSQLite: true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hub-replica-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: other.directory.appendingPathComponent("ops-signing-key.pem"), to: folder.appendingPathComponent("ops-signing-key.pem")
        )
        let wrong = try await #require(throws: ConfigurationError.self) {
            try await TestHub(slices: SignedOpsFixture.slices, directory: folder, postgres: first.hub.postgres)
        }
        #expect(wrong.description.contains("not the fleet's active key") && wrong.description.contains(active))
        // The fleet's key is untouched: the first replica still signs with it.
        #expect(try await first.publishedKeys().first?["keyid"] as? String == active)
    }
}
