import Foundation
import HubTestSupport
import Kernel
import Testing

/// Token → host → report, and every way a token can be refused.
@Suite struct EnrollTests {
    @Test func aTokenBecomesAHostThatReports() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken()
        #expect(token.token.hasPrefix("felhom_enroll_") && token.token.count == "felhom_enroll_".count + 64)

        let enrolled = try await fixture.enroll(token: token.token)
        #expect(enrolled.status == 201, "\(enrolled.body)")
        let hostID = try #require(enrolled.json["host_id"] as? String)
        let key = try #require(enrolled.json["api_key"] as? String)
        #expect(hostID.hasPrefix("acme-") && APIKey.isWellFormed(key))
        #expect(enrolled.json["customer_id"] as? String == "acme")
        #expect(enrolled.json["poll_interval_seconds"] as? Int == 900)

        // The agent pins exactly the keys the hub publishes.
        let published = try await fixture.hub.withClient { client in try await client.send(.get, "/api/v1/ops/keys") }
        let pinned = try #require(enrolled.json["ops_keys"] as? [[String: Any]])
        let listed = try #require(published.json["keys"] as? [[String: Any]])
        #expect(!pinned.isEmpty && pinned.map { $0["keyid"] as? String } == listed.map { $0["keyid"] as? String })
        #expect(pinned.first?["pem"] as? String == listed.first?["pem"] as? String)

        #expect(try await fixture.report(hostID: hostID, key: key).status == 200)
        let event = try #require(try await fixture.hub.events(type: "host_enrolled").first)
        #expect(event.subject == hostID && event.customerID == "acme")
        #expect(event.payload == JSONValue.object(["host_id": .string(hostID), "hostname": .string("pve1"), "token_id": .string(token.id)]))
        // The host carries the hostname as its label until an operator names it.
        let detail = try await fixture.admin(.get, "/api/v1/admin/hosts/\(hostID)")
        #expect(detail.json["label"] as? String == "pve1")
    }

    @Test func usedUpExpiredRevokedAndUnknownTokensGetTheSameAnswer() async throws {
        let fixture = try await EnrollmentFixture.make()
        let used = try await fixture.issueToken()
        #expect(try await fixture.enroll(token: used.token).status == 201)
        let expiring = try await fixture.issueToken(ttlSeconds: 60)
        let revoked = try await fixture.issueToken()
        #expect(try await fixture.admin(.delete, "/api/v1/admin/enrollment-tokens/\(revoked.id)").status == 204)
        fixture.hub.clock.advance(by: 61)

        var answers: [String: HubClient.Reply] = [:]
        answers["used up"] = try await fixture.enroll(token: used.token)
        answers["expired"] = try await fixture.enroll(token: expiring.token)
        answers["revoked"] = try await fixture.enroll(token: revoked.token)
        answers["unknown"] = try await fixture.enroll(token: "felhom_enroll_" + String(repeating: "0", count: 64))
        answers["garbage"] = try await fixture.enroll(token: "not a token at all")
        for (kind, answer) in answers {
            #expect(answer.status == 401, "\(kind): \(answer.body)")
            #expect(answer.body == answers["unknown"]?.body, "\(kind) answers differently: \(answer.body)")
        }
        #expect(answers["unknown"]?.errorCode == "invalid_token")
        #expect(try await fixture.hub.count("hosts") == 1)
    }

    @Test func revokingATokenTwiceOrAnUnknownOne() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken()
        #expect(try await fixture.admin(.delete, "/api/v1/admin/enrollment-tokens/\(token.id)").status == 204)
        #expect(try await fixture.admin(.delete, "/api/v1/admin/enrollment-tokens/\(token.id)").status == 204)
        #expect(try await fixture.admin(.delete, "/api/v1/admin/enrollment-tokens/et-nosuchtoken").status == 404)
    }

    @Test func theListingNeverShowsATokenAndCountsItsUses() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken(uses: 3)
        #expect(try await fixture.enroll(token: token.token).status == 201)
        let listing = try await fixture.admin(.get, "/api/v1/admin/enrollment-tokens?customer_id=acme")
        #expect(!listing.body.contains(token.token))
        #expect(!listing.body.contains(APIKey.hash(token.token)))
        let entry = try #require((listing.json["tokens"] as? [[String: Any]])?.first)
        #expect(entry["token_id"] as? String == token.id && entry["uses"] as? Int == 3 && entry["used"] as? Int == 1)
        #expect(Set(entry.keys) == ["token_id", "customer_id", "label", "created_at", "expires_at", "uses", "used", "revoked_at"])
        #expect(entry["revoked_at"] is NSNull)
        // Stored hashed: the token's text is nowhere in the database.
        let stored = try await fixture.hub.database.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM enrollment_tokens") }
        #expect(stored == [APIKey.hash(token.token)])
    }

    @Test func tokenRequestsOutsideTheLimitsAreRefused() async throws {
        let fixture = try await EnrollmentFixture.make()
        for body: [String: Any] in [
            ["customer_id": "acme", "ttl_seconds": 0], ["customer_id": "acme", "ttl_seconds": 2_592_001],
            ["customer_id": "acme", "uses": 0], ["customer_id": "acme", "uses": 1001], ["customer_id": "acme", "uses": "3"], [:],
        ] {
            let reply = try await fixture.admin(.post, "/api/v1/admin/enrollment-tokens", body)
            #expect(reply.status == 400 && reply.errorCode == "invalid_token_request", "\(body): \(reply.body)")
        }
        let unknown = try await fixture.admin(.post, "/api/v1/admin/enrollment-tokens", ["customer_id": "nobody"])
        #expect(unknown.status == 400 && unknown.errorCode == "unknown_customer")
        let longest = try await fixture.admin(.post, "/api/v1/admin/enrollment-tokens", ["customer_id": "acme", "ttl_seconds": 2_592_000, "uses": 1000])
        #expect(longest.status == 201)
        #expect(try await fixture.hub.count("enrollment_tokens") == 1)
    }

    @Test func malformedEnrollmentsNameTheField() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken()
        for (body, field) in [
            (["hostname": "pve1", "agent_version": "0.4.0"], "token"), (["token": token.token, "agent_version": "0.4.0"], "hostname"),
            (["token": token.token, "hostname": "pve1"], "agent_version"), (["token": token.token, "hostname": "", "agent_version": "0.4.0"], "hostname"),
        ] {
            let reply = try await fixture.hub.withClient { client in try await client.send(.post, "/api/v1/enroll", json: body) }
            #expect(reply.status == 400 && reply.errorCode == "invalid_enrollment", "\(reply.body)")
            #expect(reply.message.contains(field), "\(reply.message) does not name \(field)")
        }
        // None of them used the token.
        #expect(try await fixture.enroll(token: token.token).status == 201)
    }

    @Test func aBlockedCustomersTokenIsRefusedAndKeepsItsUse() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken()
        _ = try await fixture.admin(.patch, "/api/v1/admin/customers/acme", ["status": "blocked"])
        let refused = try await fixture.enroll(token: token.token)
        #expect(refused.status == 403 && refused.errorCode == "customer_blocked")
        _ = try await fixture.admin(.patch, "/api/v1/admin/customers/acme", ["status": "active"])
        #expect(try await fixture.enroll(token: token.token).status == 201)
    }
}
