import Crypto
import Foundation
import GRDB
import HubTestSupport
import Testing

/// Guest keys: minted by the operator or by the guest's own host agent, shown once,
/// stored as a hash, and replaced at once by the next mint — also in a hub that has the
/// old key warm in its cache.
@Suite struct GuestKeyTests {
    static func isKey(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.count == 64 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func theOperatorMintsAKeyThatIsStoredOnlyAsItsHash() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let guestID = "\(host.id)/101"
        let reply = try await fixture.admin(.post, "/api/v1/admin/guests/\(CutoverFixture.encoded(guestID))/key")
        #expect(reply.status == 201, "\(reply.body)")
        #expect(reply.json["guest_id"] as? String == guestID)
        let key = try #require(reply.json["api_key"] as? String)
        #expect(Self.isKey(key), "\(key)")

        let stored = try await fixture.hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT api_key FROM guests WHERE guest_id = ?", arguments: [guestID])
        }
        #expect(stored != key)
        #expect(Self.isKey(stored))
        #expect(stored == Self.sha256Hex(key))
        #expect(try await fixture.controllerReport(key: key).status == 200)

        // The admin path is the operator's: the guest's own key and its host's are refused.
        for other in [key, host.key] {
            let refused = try await fixture.send(.post, "/api/v1/admin/guests/\(CutoverFixture.encoded(guestID))/key", key: other)
            #expect(refused.status == 403, "\(refused.body)")
        }
        #expect(try await fixture.controllerReport(key: key).status == 200, "a refused mint replaced nothing")

        for unknown in ["\(host.id)/999", "acme-nohost/101", "nonsense"] {
            let missing = try await fixture.admin(.post, "/api/v1/admin/guests/\(CutoverFixture.encoded(unknown))/key")
            #expect(missing.status == 404 && missing.errorCode == "unknown_guest", "\(unknown): \(missing.body)")
        }
    }

    @Test func aHostMintsKeysForItsOwnGuestsOnly() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: nil])
        // Another host of the same customer reported vmid 202; this host has none.
        _ = try await fixture.addHost(customer: "acme", guests: [202: "1.4.2"])

        let minted = try await fixture.send(.post, "/api/v1/host-guests/101/key", key: host.key)
        #expect(minted.status == 201, "\(minted.body)")
        #expect(minted.json["guest_id"] as? String == "\(host.id)/101")
        let key = try #require(minted.json["api_key"] as? String)
        #expect(Self.isKey(key))
        #expect(try await fixture.controllerReport(key: key).status == 200)
        #expect(try await fixture.hub.count("guest_reports", where: "guest_id = ?", ["\(host.id)/101"]) == 1)

        for vmid in ["999", "202"] {
            let reply = try await fixture.send(.post, "/api/v1/host-guests/\(vmid)/key", key: host.key)
            #expect(reply.status == 404, "\(vmid): \(reply.body)")
            #expect(reply.errorCode == "unknown_guest", "\(vmid)")
        }
        for vmid in ["abc", "1.5", "-1"] {
            let reply = try await fixture.send(.post, "/api/v1/host-guests/\(vmid)/key", key: host.key)
            #expect(reply.status == 400, "\(vmid): \(reply.body)")
        }
    }

    /// Each mint replaces the previous key, whichever path minted either; the old key was
    /// used first, so the hub holds it in its key cache and must drop it there too.
    @Test func mintingAgainReplacesTheKeyAtOnce() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let first = try await fixture.guestKey("\(host.id)/101")
        #expect(try await fixture.controllerReport(key: first).status == 200)

        let byHost = try await fixture.send(.post, "/api/v1/host-guests/101/key", key: host.key)
        let second = try #require(byHost.json["api_key"] as? String)
        #expect(second != first)
        #expect(try await fixture.controllerReport(key: first).status == 401)
        #expect(try await fixture.controllerReport(key: second).status == 200)

        let third = try await fixture.guestKey("\(host.id)/101")
        #expect(try await fixture.controllerReport(key: second).status == 401)
        #expect(try await fixture.controllerReport(key: third).status == 200)
        #expect(try await fixture.hub.count("guest_reports") == 3)
        // Shown once, to the caller: never written to the log.
        let logged = fixture.hub.logs.text
        #expect(![first, second, third].contains { logged.contains($0) })
    }

    @Test func theGuestKeyOfARevokedHostIsRefused() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let guestID = "\(host.id)/101"
        let key = try await fixture.guestKey(guestID)
        #expect(try await fixture.controllerReport(key: key).status == 200)

        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke").status == 200)
        let refused = try await fixture.controllerReport(key: key)
        #expect(refused.status == 401)
        #expect(refused.errorCode == "unauthorized")
        // Nor can a fresh key be minted for it.
        #expect(try await fixture.admin(.post, "/api/v1/admin/guests/\(CutoverFixture.encoded(guestID))/key").status == 404)
        #expect(try await fixture.hub.count("guest_reports") == 1)
    }
}
