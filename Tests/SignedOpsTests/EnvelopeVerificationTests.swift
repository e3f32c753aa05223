import Foundation
import GRDB
import HubTestSupport
import Testing

@Suite struct EnvelopeVerificationTests {
    @Test func servedOpEnvelopeVerifiesFromItsPartsAlone() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let issued = try await fixture.issue(host.id, type: "restart_guest", args: ["vmid": 101], ttl: 600)
        #expect(issued.status == 201)
        let keys = try await fixture.publishedKeys()
        #expect(keys.count == 1)
        #expect(keys.first?["alg"] as? String == "ed25519")
        let ops = try await fixture.pendingOps(host)
        let envelope = try #require(ops.first)
        let payload = try EnvelopeCheck.verify(envelope, keys: keys, expectedType: EnvelopeCheck.opType)
        #expect(payload["op_id"] as? String == issued.json["op_id"] as? String)
        #expect(payload["host_id"] as? String == host.id)
        #expect(payload["seq"] as? Int == 1)
        #expect(payload["type"] as? String == "restart_guest")
        #expect((payload["args"] as? [String: Any])?["vmid"] as? Int == 101)
        #expect(payload["expires_at"] as? String == issued.json["expires_at"] as? String)
        #expect(Set(payload.keys) == ["op_id", "host_id", "seq", "type", "args", "issued_at", "expires_at"])
    }

    @Test func tamperedEnvelopesFailVerification() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.issue(host.id, type: "upgrade_agent", args: ["version": "0.4.0"])
        let keys = try await fixture.publishedKeys()
        let envelope = try #require(try await fixture.pendingOps(host).first)
        try EnvelopeCheck.verify(envelope, keys: keys, expectedType: EnvelopeCheck.opType)

        var payload = try #require(Data(base64Encoded: envelope["payload"] as? String ?? ""))
        payload[payload.count / 2] ^= 0x01
        var flippedPayload = envelope
        flippedPayload["payload"] = payload.base64EncodedString()
        #expect(throws: EnvelopeCheck.Failure.badSignature) {
            try EnvelopeCheck.verify(flippedPayload, keys: keys, expectedType: EnvelopeCheck.opType)
        }

        var signatures = envelope["signatures"] as? [[String: Any]] ?? []
        var sig = try #require(Data(base64Encoded: signatures[0]["sig"] as? String ?? ""))
        sig[0] ^= 0x80
        signatures[0]["sig"] = sig.base64EncodedString()
        var flippedSig = envelope
        flippedSig["signatures"] = signatures
        #expect(throws: EnvelopeCheck.Failure.badSignature) {
            try EnvelopeCheck.verify(flippedSig, keys: keys, expectedType: EnvelopeCheck.opType)
        }

        // Relabelled as a desired-state document, the signature no longer matches: the
        // type is part of what was signed.
        var relabelled = envelope
        relabelled["payloadType"] = EnvelopeCheck.desiredType
        #expect(throws: EnvelopeCheck.Failure.wrongPayloadType(EnvelopeCheck.desiredType)) {
            try EnvelopeCheck.verify(relabelled, keys: keys, expectedType: EnvelopeCheck.opType)
        }
        #expect(throws: EnvelopeCheck.Failure.badSignature) {
            try EnvelopeCheck.verify(relabelled, keys: keys, expectedType: EnvelopeCheck.desiredType)
        }

        var unknown = envelope
        var renamed = envelope["signatures"] as? [[String: Any]] ?? []
        renamed[0]["keyid"] = "0123456789abcdef"
        unknown["signatures"] = renamed
        #expect(throws: EnvelopeCheck.Failure.unknownKeyID("0123456789abcdef")) {
            try EnvelopeCheck.verify(unknown, keys: keys, expectedType: EnvelopeCheck.opType)
        }
    }

    @Test func opEnvelopeIsServedByteIdenticalEveryTime() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.issue(host.id)
        let first = try await fixture.send(.get, "/api/v1/host-ops", key: host.key)
        fixture.hub.clock.advance(by: 60)
        let second = try await fixture.send(.get, "/api/v1/host-ops", key: host.key)
        #expect(first.status == 200)
        #expect(first.body == second.body)
        let stored = try await fixture.hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT envelope_json FROM signed_ops")
        }
        #expect(first.body == #"{"ops":["# + (stored ?? "") + "]}")
    }

    @Test func desiredStateEnvelopeVerifiesAndCarriesTheGeneration() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        #expect(try await fixture.putDesired(host.id, #"{"desired": {"guests": {"101": {"running": true}}, "tz": "Europe/Budapest"}}"#).status == 200)
        let reply = try await fixture.send(.get, "/api/v1/host-desired", key: host.key)
        #expect(reply.status == 200)
        let payload = try EnvelopeCheck.verify(reply.json, keys: try await fixture.publishedKeys(), expectedType: EnvelopeCheck.desiredType)
        #expect(payload["host_id"] as? String == host.id)
        #expect(payload["desired_generation"] as? Int == 1)
        #expect((payload["desired"] as? [String: Any])?["tz"] as? String == "Europe/Budapest")
        #expect(payload["issued_at"] as? String == "2026-05-28T20:26:40.000Z")
    }

    @Test func desiredStateBeforeAnyPutIsAnEmptySignedDocumentAtGenerationZero() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let reply = try await fixture.send(.get, "/api/v1/host-desired", key: host.key)
        let payload = try EnvelopeCheck.verify(reply.json, keys: try await fixture.publishedKeys(), expectedType: EnvelopeCheck.desiredType)
        #expect(payload["desired_generation"] as? Int == 0)
        #expect((payload["desired"] as? [String: Any])?.isEmpty == true)
    }
}
