import EnrollmentSlice
import Foundation
import HubTestSupport
import Kernel
import Testing

/// Revoking a host: its key is refused at once, also by a hub that has it cached; nobody
/// watches for its silence any more; its history stays.
@Suite struct HostRevocationTests {
    @Test func theAdminAPIRevokesAtOnceAndKeepsTheHistory() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await fixture.reportingHost()
        let revoked = try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke", ["reason": "stolen"])
        #expect(revoked.status == 200 && revoked.json["host_id"] as? String == host.id)
        #expect(revoked.json["revoked_at"] as? String == Timestamp(fixture.hub.clock.now()).text)

        #expect(try await fixture.report(hostID: host.id, key: host.key).status == 401)
        let rotate = try await fixture.hub.withClient { client in try await client.send(.post, "/api/v1/host-key/rotate", key: host.key) }
        #expect(rotate.status == 401)

        let event = try #require(try await fixture.hub.events(type: "host_revoked").first)
        #expect(event.subject == host.id && event.payload == JSONValue.object(["host_id": .string(host.id), "reason": .string("stolen")]))
        #expect(try await fixture.hub.count("host_reports", where: "host_id = ?", [host.id]) == 1)
        let detail = try await fixture.admin(.get, "/api/v1/admin/hosts/\(host.id)")
        #expect(detail.json["staleness"] as? String == "revoked" && detail.json["guests"] != nil)

        // Silent for hours, it raises nothing: nobody watches a revoked host.
        fixture.hub.clock.advance(by: 4 * 3600)
        await fixture.hub.hub.ticker.tick()
        #expect(try await fixture.hub.events().filter { $0.type.hasPrefix("host_") && $0.type != "host_enrolled" && $0.type != "host_revoked" }.isEmpty)

        // Revoking again changes nothing; an unknown host is 404.
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke").status == 200)
        #expect(try await fixture.hub.events(type: "host_revoked").count == 1)
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/acme-nohost/revoke").status == 404)
    }

    @Test func aRotationUnderWayDiesWithTheHost() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await fixture.reportingHost()
        let rotated = try await fixture.hub.withClient { client in try await client.send(.post, "/api/v1/host-key/rotate", key: host.key) }
        let nextKey = try #require(rotated.json["api_key"] as? String)
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke").status == 200)
        #expect(try await fixture.report(hostID: host.id, key: nextKey).status == 401)
    }

    /// `hub hosts revoke` is another process: the serving hub learns of it through the
    /// kernel's change announcement and drops the warm key before its next request.
    @Test func theCommandLineRevocationReachesARunningHubsCache() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await fixture.reportingHost()
        let outcome = try await ExternalProcess.hub(
            ["hosts", "revoke", host.id, "--reason", "decommissioned", "--json"], dataDirectory: fixture.hub.directory,
            environment: ["HUB_SLICES": "controller,host-ingest,signed-ops,enrollment"]
        )
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("\"revoked_at\""))
        #expect(try await fixture.report(hostID: host.id, key: host.key).status == 401)
        #expect(try await fixture.hub.events(type: "host_revoked").first?.payload == JSONValue.object(["host_id": .string(host.id), "reason": .string("decommissioned")]))
    }
}
