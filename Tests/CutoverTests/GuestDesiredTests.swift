import Crypto
import Foundation
import HubTestSupport
import Testing

/// An operator sets what a guest should look like; its host hears of it through the
/// heartbeat's `desired_generation` and fetches it, signed, inside its desired state.
@Suite struct GuestDesiredTests {
    private func putSpec(_ fixture: CutoverFixture, _ guestID: String, _ bodyText: String) async throws -> HubClient.Reply {
        try await fixture.hub.withClient { client in
            try await client.send(.put, "/api/v1/admin/guests/\(CutoverFixture.encoded(guestID))/desired", key: TestHub.globalKey, body: bodyText)
        }
    }

    @Test func theHostsGenerationRisesWhenTheSpecChangesOnly() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: nil])
        let guestID = "\(host.id)/101"

        let first = try await putSpec(fixture, guestID, #"{"desired": {"memory_mb": 2048, "apps": ["nextcloud", "immich"]}}"#)
        #expect(first.status == 200, "\(first.body)")
        #expect(first.json["guest_id"] as? String == guestID)
        #expect(first.json["host_id"] as? String == host.id)
        #expect(first.json["desired_generation"] as? Int == 1)
        // The same content, keys in another order and other spacing: no change.
        let same = try await putSpec(fixture, guestID, #"{"desired":{"apps":["nextcloud","immich"],"memory_mb":2048}}"#)
        #expect(same.json["desired_generation"] as? Int == 1)
        let changed = try await putSpec(fixture, guestID, #"{"desired": {"memory_mb": 4096, "apps": ["nextcloud", "immich"]}}"#)
        #expect(changed.json["desired_generation"] as? Int == 2)
        // Another guest of the same host raises the same, host-wide generation.
        let other = try await putSpec(fixture, "\(host.id)/102", #"{"desired": {"memory_mb": 512}}"#)
        #expect(other.json["host_id"] as? String == host.id)
        #expect(other.json["desired_generation"] as? Int == 3)

        let unknown = try await putSpec(fixture, "\(host.id)/999", #"{"desired": {}}"#)
        #expect(unknown.status == 404)
        for body in [#"{"desired": [1]}"#, #"{"desired": "x"}"#, #"{"desired": null}"#, "{}", "not json"] {
            let reply = try await putSpec(fixture, guestID, body)
            #expect(reply.status == 400, "\(body)")
            #expect(reply.errorCode == "invalid_desired", "\(body)")
        }
        let heartbeat = try await fixture.hostReport(host, guests: [101: "1.4.2", 102: nil])
        #expect(heartbeat.json["desired_generation"] as? Int == 3)
    }

    @Test func theSignedDesiredStateCarriesTheGuestsSpecs() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: nil])
        let bare = try await fixture.addHost(customer: "acme")

        #expect(try await fixture.hostReport(host, guests: [101: "1.4.2", 102: nil]).json["desired_generation"] as? Int == 0)
        let put = try await putSpec(fixture, "\(host.id)/101", #"{"desired": {"memory_mb": 2048, "apps": ["nextcloud"]}}"#)
        #expect(put.status == 200)
        #expect(try await fixture.hostReport(host, guests: [101: "1.4.2", 102: nil]).json["desired_generation"] as? Int == 1)

        let payload = try await signedDesired(fixture, key: host.key)
        #expect(payload["host_id"] as? String == host.id)
        #expect(payload["desired_generation"] as? Int == 1)
        let guests = try #require(payload["guests"] as? [String: Any], "\(payload)")
        #expect(Array(guests.keys) == ["101"], "only the guest with a spec")
        let spec = try #require(guests["101"] as? [String: Any])
        #expect(spec["memory_mb"] as? Int == 2048)
        #expect(spec["apps"] as? [String] == ["nextcloud"])

        let barePayload = try await signedDesired(fixture, key: bare.key)
        #expect(barePayload["host_id"] as? String == bare.id)
        #expect(barePayload["guests"] == nil, "\(barePayload)")
    }

    /// A guest's spec is signed inside its host's desired state, so it is held to the same
    /// bound as that state: one the host could not be sent is refused when set, and the
    /// host goes on fetching what it had.
    @Test func aGuestSpecTooDeepToSignIsRefusedAndTheHostKeepsItsState() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let nested = { (depth: Int) in String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth) }

        #expect(try await putSpec(fixture, "\(host.id)/101", #"{"desired": "# + nested(64) + "}").json["desired_generation"] as? Int == 1)
        #expect(try await signedDesired(fixture, key: host.key)["desired_generation"] as? Int == 1)
        let refused = try await putSpec(fixture, "\(host.id)/101", #"{"desired": "# + nested(65) + "}")
        #expect(refused.status == 400)
        #expect(refused.errorCode == "invalid_desired")
        #expect(try await signedDesired(fixture, key: host.key)["desired_generation"] as? Int == 1)
    }

    /// `GET /api/v1/host-desired`, verified as an agent does before it trusts a byte.
    private func signedDesired(_ fixture: CutoverFixture, key: String) async throws -> [String: Any] {
        let reply = try await fixture.send(.get, "/api/v1/host-desired", key: key)
        #expect(reply.status == 200, "\(reply.body)")
        let published = try await fixture.send(.get, "/api/v1/ops/keys", key: nil)
        let keys = try #require(published.json["keys"] as? [[String: Any]])
        return try DSSECheck.verify(reply.json, keys: keys, expectedType: "application/vnd.felhom.desired-state.v1+json")
    }
}

/// An agent's check of a DSSE envelope, from agent protocol §6 alone (no hub code):
/// PAE rebuilt from the envelope, the key found by keyid among the published ones, the
/// Ed25519 signature checked, the payload read only then.
private enum DSSECheck {
    struct Rejected: Error, CustomStringConvertible {
        let description: String
    }

    static func verify(_ envelope: [String: Any], keys: [[String: Any]], expectedType: String) throws -> [String: Any] {
        guard let type = envelope["payloadType"] as? String, let payloadText = envelope["payload"] as? String,
              let payload = Data(base64Encoded: payloadText), let signature = (envelope["signatures"] as? [[String: Any]])?.first,
              let keyID = signature["keyid"] as? String, let sigText = signature["sig"] as? String, let sig = Data(base64Encoded: sigText)
        else { throw Rejected(description: "malformed envelope: \(envelope)") }
        guard type == expectedType else { throw Rejected(description: "payload type \(type)") }
        guard let entry = keys.first(where: { $0["keyid"] as? String == keyID }), let rawText = entry["public_key"] as? String,
              let raw = Data(base64Encoded: rawText),
              SHA256.hash(data: raw).map({ String(format: "%02x", $0) }).joined().prefix(16) == keyID
        else { throw Rejected(description: "unknown keyid \(keyID)") }
        var pae = Data("DSSEv1 \(type.utf8.count) \(type) \(payload.count) ".utf8)
        pae.append(payload)
        guard try Curve25519.Signing.PublicKey(rawRepresentation: raw).isValidSignature(sig, for: pae) else {
            throw Rejected(description: "bad signature")
        }
        guard let object = try JSONSerialization.jsonObject(with: payload) as? [String: Any] else { throw Rejected(description: "payload is not an object") }
        return object
    }
}
