import Foundation
import HubTestSupport
import Testing

@Suite struct ControlEnvelopeTests {
    @Test func envelopeFollowsPendingOpsAndGeneration() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        var envelope = try await fixture.report(host).json
        #expect(envelope["desired_generation"] as? Int == 0)
        #expect(envelope["has_signed_ops"] as? Bool == false)

        _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 1}}"#)
        _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 2}}"#)
        let op = try await fixture.issue(host.id, ttl: 600)
        envelope = try await fixture.report(host).json
        #expect(envelope["desired_generation"] as? Int == 2)
        #expect(envelope["has_signed_ops"] as? Bool == true)

        #expect(try await fixture.result(host, opID: op.json["op_id"] as? String ?? "").status == 200)
        envelope = try await fixture.report(host).json
        #expect(envelope["has_signed_ops"] as? Bool == false)
        #expect(envelope["desired_generation"] as? Int == 2)

        // An op past its expiry is no longer pending, even before the checker runs.
        _ = try await fixture.issue(host.id, ttl: 60)
        #expect(try await fixture.report(host).json["has_signed_ops"] as? Bool == true)
        fixture.hub.clock.advance(by: 60)
        #expect(try await fixture.report(host).json["has_signed_ops"] as? Bool == false)
        #expect(try await fixture.pendingOps(host).isEmpty)
    }

    @Test func hasSignedOpsIsPerHost() async throws {
        let fixture = try await SignedOpsFixture.make()
        let busy = try await fixture.host()
        let idle = try await fixture.host()
        _ = try await fixture.issue(busy.id)
        #expect(try await fixture.report(busy).json["has_signed_ops"] as? Bool == true)
        #expect(try await fixture.report(idle).json["has_signed_ops"] as? Bool == false)
        #expect(try await fixture.pendingOps(idle).isEmpty)
    }

    @Test func customerOutsideTheCohortSeesZerosAnd404s() async throws {
        let fixture = try await SignedOpsFixture.make(customers: ["acme", "beta"])
        let inside = try await fixture.host(customer: "acme")
        let outside = try await fixture.host(customer: "beta")
        for host in [inside, outside] {
            _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 1}}"#)
            #expect(try await fixture.issue(host.id).status == 201)
        }
        try await fixture.cohort(["acme"])

        let outsideEnvelope = try await fixture.report(outside).json
        #expect(outsideEnvelope["desired_generation"] as? Int == 0)
        #expect(outsideEnvelope["has_signed_ops"] as? Bool == false)
        let opID = try await fixture.hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT op_id FROM signed_ops WHERE host_id = ?", arguments: [outside.id])
        } ?? ""
        let outsideReplies = [
            try await fixture.send(.get, "/api/v1/host-desired", key: outside.key),
            try await fixture.send(.get, "/api/v1/host-ops", key: outside.key),
            try await fixture.result(outside, opID: opID),
        ]
        #expect(outsideReplies.map(\.status) == [404, 404, 404])
        #expect(outsideReplies.map(\.errorCode) == ["not_found", "not_found", "not_found"])

        let insideEnvelope = try await fixture.report(inside).json
        #expect(insideEnvelope["desired_generation"] as? Int == 1)
        #expect(insideEnvelope["has_signed_ops"] as? Bool == true)
        #expect(try await fixture.send(.get, "/api/v1/host-desired", key: inside.key).status == 200)
        #expect(try await fixture.pendingOps(inside).count == 1)

        // Widening the cohort makes the same host's state live again, nothing lost.
        try await fixture.cohort(["acme", "beta"])
        let widened = try await fixture.report(outside).json
        #expect(widened["desired_generation"] as? Int == 1)
        #expect(widened["has_signed_ops"] as? Bool == true)
        #expect(try await fixture.pendingOps(outside).count == 1)
    }

    @Test func flagOffForEveryoneBehavesLikeAnEmptyCohort() async throws {
        let fixture = try await SignedOpsFixture.make(flags: ["signed_ops": false])
        let host = try await fixture.host()
        _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 1}}"#)
        _ = try await fixture.issue(host.id)
        let envelope = try await fixture.report(host).json
        #expect(envelope["desired_generation"] as? Int == 0)
        #expect(envelope["has_signed_ops"] as? Bool == false)
        #expect(try await fixture.send(.get, "/api/v1/host-ops", key: host.key).status == 404)
        #expect(try await fixture.send(.get, "/api/v1/host-desired", key: host.key).status == 404)
    }
}
