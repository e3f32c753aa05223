import Foundation
import HostIngestSlice
import HubTestSupport
import Testing

/// A revoked host fetches nothing any more, so the operator is told (409 `host_revoked`)
/// instead of being handed an op that could only expire or a desired state nobody reads.
@Suite struct RevokedHostTests {
    @Test func opsAndDesiredStateForARevokedHostAreRefused() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let store = HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock)
        _ = try await fixture.hub.database.write { db in try store.revoke(hostID: host.id, in: db) }

        let op = try await fixture.issue(host.id)
        #expect(op.status == 409 && op.errorCode == "host_revoked", "\(op.body)")
        let desired = try await fixture.putDesired(host.id, #"{"desired": {"cores": 2}}"#)
        #expect(desired.status == 409 && desired.errorCode == "host_revoked", "\(desired.body)")
        #expect(try await fixture.hub.count("signed_ops") == 0)
        #expect(try await fixture.hub.count("hosts", where: "host_id = ? AND desired_json IS NULL", [host.id]) == 1)
    }
}
