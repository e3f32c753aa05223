import Foundation
import HubTestSupport
import Testing

/// A host rotates its key: the new key works at once; the old one until the new one is
/// first used, so a lost answer does not lock the host out.
@Suite struct HostKeyRotationTests {
    func enrolledHost(_ fixture: EnrollmentFixture) async throws -> (id: String, key: String) {
        let token = try await fixture.issueToken()
        let enrolled = try await fixture.enroll(token: token.token)
        return (try #require(enrolled.json["host_id"] as? String), try #require(enrolled.json["api_key"] as? String))
    }

    func rotate(_ fixture: EnrollmentFixture, key: String) async throws -> HubClient.Reply {
        try await fixture.hub.withClient { client in try await client.send(.post, "/api/v1/host-key/rotate", key: key) }
    }

    @Test func theOldKeyWorksUntilTheNewOneIsUsedThenNever() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await enrolledHost(fixture)

        // The first rotation's answer is lost on the wire: the host still has its old key.
        let lost = try await rotate(fixture, key: host.key)
        #expect(lost.status == 200 && lost.json["host_id"] as? String == host.id)
        #expect(try await fixture.report(hostID: host.id, key: host.key).status == 200)

        let rotated = try await rotate(fixture, key: host.key)
        let newKey = try #require(rotated.json["api_key"] as? String)
        #expect(newKey != host.key)
        // Both work until the new key has been used once…
        #expect(try await fixture.report(hostID: host.id, key: host.key).status == 200)
        #expect(try await fixture.report(hostID: host.id, key: newKey).status == 200)
        // …then only the new one; the lost key never worked and never will.
        #expect(try await fixture.report(hostID: host.id, key: host.key).status == 401)
        #expect(try await fixture.report(hostID: host.id, key: try #require(lost.json["api_key"] as? String)).status == 401)
        #expect(try await fixture.report(hostID: host.id, key: newKey).status == 200)
    }

    @Test func onlyHostKeysRotate() async throws {
        let fixture = try await EnrollmentFixture.make()
        #expect(try await rotate(fixture, key: TestHub.globalKey).status == 403)
        #expect(try await rotate(fixture, key: String(repeating: "0", count: 64)).status == 401)
    }
}
