import Foundation
import HTTPTypes
import HubTestSupport
import Testing

/// Without enrollment the hub is slice 3's, provisional paths and all; a hub made without
/// the slice takes it on later with its hosts intact.
@Suite struct EnrollmentSliceOffTests {
    static let withoutEnrollment = ["controller", "host-ingest", "signed-ops"]

    @Test func theSliceOffServesNoneOfItsRoutesAndTheProvisionalPathsAsBefore() async throws {
        let fixture = try await EnrollmentFixture.make(enabled: Self.withoutEnrollment)
        for (method, path) in [
            (HTTPMethodName.post, "/api/v1/enroll"), (.post, "/api/v1/admin/enrollment-tokens"), (.get, "/api/v1/admin/enrollment-tokens"),
            (.delete, "/api/v1/admin/enrollment-tokens/et-x"), (.post, "/api/v1/admin/hosts/acme-x/revoke"), (.post, "/api/v1/host-key/rotate"),
        ] {
            let reply = try await fixture.hub.withClient { client in try await client.send(method.method, path, key: TestHub.globalKey, body: "{}") }
            #expect(reply.status == 404, "\(path): \(reply.status) \(reply.body)")
        }
        let minted = try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"])
        #expect(minted.status == 201)
        let hostID = try #require(minted.json["host_id"] as? String)
        #expect(try await fixture.report(hostID: hostID, key: TestHub.globalKey).status == 200)
        #expect(try await fixture.report(hostID: hostID, key: try #require(minted.json["api_key"] as? String)).status == 200)
    }

    @Test func aHubMadeWithoutTheSliceTakesItOn() async throws {
        let before = try await EnrollmentFixture.make(enabled: Self.withoutEnrollment)
        let minted = try await before.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"])
        let hostID = try #require(minted.json["host_id"] as? String)
        let key = try #require(minted.json["api_key"] as? String)
        #expect(try await before.report(hostID: hostID, key: key).status == 200)

        let after = EnrollmentFixture(hub: try await before.hub.restarted(slices: EnrollmentFixture.slices))
        #expect(try await after.report(hostID: hostID, key: key).status == 200)
        let token = try await after.issueToken()
        #expect(try await after.enroll(token: token.token).status == 201)
        let applied = try await after.hub.database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM kernel_migrations WHERE id LIKE 'enrollment-%' ORDER BY id")
        }
        #expect(applied == ["enrollment-001-tokens", "enrollment-002-host-key-rotations"])
    }
}

/// The methods these tests send, spelled out (HTTPTypes' own type is not `Sendable` in a
/// tuple literal's inference).
enum HTTPMethodName {
    case get, post, delete
    var method: HTTPRequest.Method {
        switch self {
        case .get: .get
        case .post: .post
        case .delete: .delete
        }
    }
}
