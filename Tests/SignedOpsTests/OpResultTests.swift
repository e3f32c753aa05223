import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

@Suite struct OpResultTests {
    @Test func ownOpClosesWithItsEvent() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id, type: "restart_guest", args: ["vmid": 101]).json["op_id"] as? String ?? ""
        let reply = try await fixture.result(host, opID: opID, status: "succeeded", output: "guest 101 restarted")
        #expect(reply.status == 200)
        let events = try await fixture.hub.events(type: "op_succeeded")
        #expect(events.count == 1)
        #expect(events.first?.customerID == "acme")
        #expect(events.first?.subject == opID)
        #expect(events.first?.payload.objectValue?["host_id"] == .string(host.id))
        #expect(events.first?.payload.objectValue?["output"] == .string("guest 101 restarted"))
        #expect(try await fixture.pendingOps(host).isEmpty)
        let row = try await fixture.hub.database.read { db in
            try Row.fetchOne(db, sql: "SELECT status, output FROM signed_ops WHERE op_id = ?", arguments: [opID])
                .map { ($0["status"] as String, $0["output"] as String?) }
        }
        #expect(row?.0 == "succeeded")
        #expect(row?.1 == "guest 101 restarted")
    }

    @Test func failedResultRecordsOpFailed() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id, type: "upgrade_agent", args: ["version": "9.9.9"]).json["op_id"] as? String ?? ""
        #expect(try await fixture.result(host, opID: opID, status: "failed", output: "no such version").status == 200)
        let events = try await fixture.hub.events(type: "op_failed")
        #expect(events.map(\.subject) == [opID])
        #expect(try await fixture.hub.events(type: "op_succeeded").isEmpty)
    }

    @Test func anotherHostsOpOrAnUnknownOneIs404() async throws {
        let fixture = try await SignedOpsFixture.make()
        let owner = try await fixture.host()
        let stranger = try await fixture.host()
        let opID = try await fixture.issue(owner.id).json["op_id"] as? String ?? ""
        let foreign = try await fixture.result(stranger, opID: opID)
        #expect(foreign.status == 404)
        #expect(foreign.errorCode == "not_found")
        let unknown = try await fixture.result(owner, opID: "00000000-0000-0000-0000-000000000000")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "not_found")
        #expect(try await fixture.pendingOps(owner).count == 1)
        #expect(try await fixture.hub.events(type: "op_succeeded").isEmpty)
    }

    @Test func aSecondResultIs409() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id).json["op_id"] as? String ?? ""
        #expect(try await fixture.result(host, opID: opID, status: "succeeded").status == 200)
        let again = try await fixture.result(host, opID: opID, status: "failed")
        #expect(again.status == 409)
        #expect(again.errorCode == "op_closed")
        #expect(try await fixture.hub.events(type: "op_failed").isEmpty)
        let status = try await fixture.hub.database.read { db in try String.fetchOne(db, sql: "SELECT status FROM signed_ops") }
        #expect(status == "succeeded")
    }

    @Test func theCheckerExpiresOverdueOpsOnceAndLateResultsAre409() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id, ttl: 300).json["op_id"] as? String ?? ""
        let lasting = try await fixture.issue(host.id, ttl: 3600).json["op_id"] as? String ?? ""
        fixture.hub.clock.advance(by: 299)
        await fixture.hub.hub.ticker.tick()
        #expect(try await fixture.hub.events(type: "op_expired").isEmpty)
        fixture.hub.clock.advance(by: 1)
        await fixture.hub.hub.ticker.tick()
        await fixture.hub.hub.ticker.tick()
        let expired = try await fixture.hub.events(type: "op_expired")
        #expect(expired.map(\.subject) == [opID])
        #expect(expired.first?.customerID == "acme")
        let late = try await fixture.result(host, opID: opID)
        #expect(late.status == 409)
        #expect(late.errorCode == "op_closed")
        #expect(try await fixture.hub.events(type: "op_expired").count == 1)
        #expect(try await fixture.result(host, opID: lasting).status == 200)

        let restarted = try await fixture.hub.restarted(slices: SignedOpsFixture.slices)
        await restarted.hub.ticker.tick()
        #expect(try await restarted.events(type: "op_expired").count == 1)
    }

    @Test func aResultAfterExpiryButBeforeTheCheckerIs409AndExpiresTheOp() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id, ttl: 60).json["op_id"] as? String ?? ""
        fixture.hub.clock.advance(by: 61)
        let late = try await fixture.result(host, opID: opID)
        #expect(late.status == 409)
        #expect(late.errorCode == "op_closed")
        await fixture.hub.hub.ticker.tick()
        #expect(try await fixture.hub.events(type: "op_expired").map(\.subject) == [opID])
    }

    @Test func badResultBodiesAre400AndLeaveTheOpPending() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id).json["op_id"] as? String ?? ""
        let bodies: [String] = [
            #"{"status": "done"}"#, #"{"output": "x"}"#, #"{"status": "failed", "output": 5}"#,
            #"{"status": "failed", "output": "\#(String(repeating: "x", count: 64 * 1024 + 1))"}"#, "nope",
        ]
        for body in bodies {
            let reply = try await fixture.hub.withClient { client in
                try await client.send(.post, "/api/v1/host-ops/\(opID)/result", key: host.key, body: body)
            }
            #expect(reply.status == 400, "\(body.prefix(40))")
            #expect(reply.errorCode == "invalid_result", "\(body.prefix(40))")
        }
        let full = try await fixture.result(host, opID: opID, status: "succeeded", output: String(repeating: "y", count: 64 * 1024))
        #expect(full.status == 200)
    }

    @Test func onlyHostKeysReportResults() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.issue(host.id).json["op_id"] as? String ?? ""
        let global = try await fixture.send(.post, "/api/v1/host-ops/\(opID)/result", json: ["status": "succeeded"])
        #expect(global.status == 403)
        #expect(try await fixture.send(.get, "/api/v1/host-ops", key: nil).status == 401)
        #expect(try await fixture.send(.get, "/api/v1/host-desired").status == 403)
    }
}
