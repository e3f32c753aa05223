import Foundation
import HubTestSupport
import Testing

/// `GET /api/v1/admin/hosts/{host_id}/ops?status=` (operator contract §3): a host's ops,
/// newest first, with what the agent answered; an op past its expiry shows as expired
/// before the checker gets to it.
@Suite struct OpListTests {
    @Test func aHostsOpsNewestFirstWithTheirOutcome() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let first = try await fixture.issue(host.id, type: "restart_guest", args: ["vmid": 101])
        let second = try await fixture.issue(host.id, ttl: 60)
        let firstID = try #require(first.json["op_id"] as? String)
        #expect(try await fixture.result(host, opID: firstID, output: "restarted").status == 200)

        let all = try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops")

        #expect(all.status == 200)
        let ops = try #require(all.json["ops"] as? [[String: Any]])
        #expect(ops.map { $0["op_id"] as? String } == [second.json["op_id"] as? String, firstID])
        #expect(ops.map { $0["seq"] as? Int } == [2, 1])
        #expect(ops[1]["status"] as? String == "succeeded")
        #expect(ops[1]["output"] as? String == "restarted")
        #expect(ops[1]["args"] as? [String: Int] == ["vmid": 101])
        #expect(ops[1]["closed_at"] is String)
        #expect(ops[0]["status"] as? String == "pending")
        #expect(ops[0]["closed_at"] is NSNull && ops[0]["output"] is NSNull, "open ops say null")

        fixture.hub.clock.advance(by: 61)
        let expired = try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops?status=expired")
        #expect((expired.json["ops"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [2])
        let pending = try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops?status=pending")
        #expect((pending.json["ops"] as? [[String: Any]])?.isEmpty == true)
        let limited = try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops?limit=1")
        #expect((limited.json["ops"] as? [[String: Any]])?.count == 1)
    }

    @Test func badQueriesAndUnknownHostsAreRefused() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        for query in ["status=done", "limit=0", "limit=1001", "limit=x"] {
            let reply = try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops?\(query)")
            #expect(reply.status == 400 && reply.errorCode == "invalid_query", "\(query)")
        }
        #expect(try await fixture.send(.get, "/api/v1/admin/hosts/nobody-000000/ops").status == 404)
        #expect(try await fixture.send(.get, "/api/v1/admin/hosts/\(host.id)/ops", key: host.key).status == 403)
    }
}
