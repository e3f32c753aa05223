import Foundation
import GRDB
import HubTestSupport
import Testing

@Suite struct SequenceTests {
    @Test func concurrentIssuesGetGaplessIncreasingSeqs() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let seqs = try await fixture.hub.withClient { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        let reply = try await client.send(
                            .post, "/api/v1/admin/hosts/\(host.id)/ops", key: TestHub.globalKey, body: #"{"type": "reboot_host", "args": {}}"#
                        )
                        guard reply.status == 201 else { throw FixtureFailure("issue: \(reply.status) \(reply.body)") }
                        return reply.json["seq"] as? Int ?? -1
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(seqs.sorted() == Array(1...50))
        let keys = try await fixture.publishedKeys()
        let served = try await fixture.pendingOps(host).map { try EnvelopeCheck.verify($0, keys: keys, expectedType: EnvelopeCheck.opType) }
        #expect(served.map { $0["seq"] as? Int ?? -1 } == Array(1...50))
    }

    @Test func seqIsPerHostAndARefusedOpUsesUpNoNumber() async throws {
        let fixture = try await SignedOpsFixture.make()
        let first = try await fixture.host()
        let second = try await fixture.host()
        #expect(try await fixture.issue(first.id).json["seq"] as? Int == 1)
        #expect(try await fixture.issue(first.id).json["seq"] as? Int == 2)
        let refused = try await fixture.issue(first.id, type: "restart_guest", args: ["vmid": 555])
        #expect(refused.status == 400)
        #expect(refused.errorCode == "invalid_op")
        #expect(try await fixture.issue(second.id).json["seq"] as? Int == 1)
        #expect(try await fixture.issue(first.id).json["seq"] as? Int == 3)
        #expect(try await fixture.hub.count("signed_ops", where: "host_id = ?", [first.id]) == 3)
    }

    @Test func seqIsNeverReusedEvenWhenOpRowsAreGone() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.issue(host.id)
        _ = try await fixture.issue(host.id)
        try await fixture.hub.database.write { db in try db.execute(sql: "DELETE FROM signed_ops") }
        #expect(try await fixture.issue(host.id).json["seq"] as? Int == 3)
    }
}
