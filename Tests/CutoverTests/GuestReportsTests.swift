import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// What becomes of a controller's report after the cutover: stored raw under its guest,
/// answered as before, pruned with the retention, and shown on its host's detail.
@Suite struct GuestReportsTests {
    private func reportingGuest(_ fixture: CutoverFixture) async throws -> (hostID: String, guestID: String, key: String) {
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: nil])
        let guestID = "\(host.id)/101"
        return (host.id, guestID, try await fixture.guestKey(guestID))
    }

    private func sendRaw(_ fixture: CutoverFixture, key: String, _ text: String) async throws -> HubClient.Reply {
        try await fixture.hub.withClient { client in try await client.send(.post, "/api/v1/report", key: key, body: text) }
    }

    @Test func aReportIsStoredByteForByteUnderItsGuest() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let guest = try await reportingGuest(fixture)
        // Odd spacing, an escape and a number written long: the stored text must keep all.
        let text = #"{ "reported_at":"2026-06-08T10:00:00Z" ,"controller_version": "1.4.2","hostname":"ctl-caf\u00e9","disk_percent": 41.50,"#
            + #"  "services": [{"name": "nextcloud", "status": "running"}] }"#
        let reply = try await sendRaw(fixture, key: guest.key, text)
        #expect(reply.status == 200)
        #expect(reply.json["status"] as? String == "ok")
        #expect(reply.json["poll_interval_seconds"] as? Int == 900)
        #expect(reply.json["blocked"] as? Bool == false)
        #expect(reply.json.count == 3, "\(reply.body)")

        let row = try await fixture.hub.database.row("SELECT guest_id, customer_id, raw_json FROM guest_reports")
        #expect(row?["guest_id"] as String? == guest.guestID)
        #expect(row?["customer_id"] as String? == "acme")
        #expect(row?["raw_json"] as String? == text)
    }

    @Test func aReportNamingAnotherCustomerIsRefused() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let guest = try await reportingGuest(fixture)
        try await fixture.addCustomer("globex")
        let refused = try await fixture.controllerReport(key: guest.key, customer: "globex")
        #expect(refused.status == 403)
        #expect(refused.errorCode == "customer_mismatch")
        #expect(try await fixture.hub.count("guest_reports") == 0)
        #expect(try await fixture.controllerReport(key: guest.key, customer: "acme").status == 200)
        #expect(try await fixture.hub.count("guest_reports") == 1)
    }

    @Test func aBlockedCustomersReportIsStoredAndAnsweredBlocked() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let guest = try await reportingGuest(fixture)
        #expect(try await fixture.admin(.patch, "/api/v1/admin/customers/acme", ["status": "blocked"]).status == 200)
        let reply = try await fixture.controllerReport(key: guest.key)
        #expect(reply.status == 200)
        #expect(reply.json["blocked"] as? Bool == true)
        #expect(try await fixture.hub.count("guest_reports", where: "guest_id = ?", [guest.guestID]) == 1)
    }

    @Test func thePruneDeletesGuestReportsPastTheRetentionOnly() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let guest = try await reportingGuest(fixture)
        #expect(try await fixture.controllerReport(key: guest.key).status == 200)
        fixture.hub.clock.advance(by: 31 * 86_400)
        #expect(try await fixture.controllerReport(key: guest.key).status == 200)
        let recent = Timestamp(fixture.hub.clock.now()).text

        try await fixture.hub.runtime.pruner.prune(olderThan: fixture.hub.clock.now().addingTimeInterval(-30 * 86_400))
        let kept = try await fixture.hub.database.read { db in try String.fetchAll(db, sql: "SELECT received_at FROM guest_reports") }
        #expect(kept == [recent])
    }

    /// The host's detail tells each guest's own story: `never` until it reports as a
    /// controller, then `ok`, `stale`, `down` with the time of its last report.
    @Test func theHostDetailShowsEachGuestsStalenessAndLastReport() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let guest = try await reportingGuest(fixture)
        let silentID = "\(guest.hostID)/102"
        #expect(try await guestFacts(fixture, guest.hostID) == [guest.guestID: "never", silentID: "never"])
        #expect(try await lastReports(fixture, guest.hostID) == [guest.guestID: nil, silentID: nil])

        #expect(try await fixture.controllerReport(key: guest.key).status == 200)
        let reportedAt = Timestamp(fixture.hub.clock.now()).text
        await fixture.hub.hub.ticker.tick()
        #expect(try await guestFacts(fixture, guest.hostID) == [guest.guestID: "ok", silentID: "never"])
        #expect(try await lastReports(fixture, guest.hostID) == [guest.guestID: reportedAt, silentID: nil])

        fixture.hub.clock.advance(by: 1800)
        await fixture.hub.hub.ticker.tick()
        #expect(try await guestFacts(fixture, guest.hostID) == [guest.guestID: "stale", silentID: "never"])
        fixture.hub.clock.advance(by: 1800)
        await fixture.hub.hub.ticker.tick()
        #expect(try await guestFacts(fixture, guest.hostID) == [guest.guestID: "down", silentID: "never"])
        #expect(try await lastReports(fixture, guest.hostID) == [guest.guestID: reportedAt, silentID: nil])
    }

    private func guests(_ fixture: CutoverFixture, _ hostID: String) async throws -> [[String: Any]] {
        let reply = try await fixture.admin(.get, "/api/v1/admin/hosts/\(hostID)")
        #expect(reply.status == 200, "\(reply.body)")
        return reply.json["guests"] as? [[String: Any]] ?? []
    }

    private func guestFacts(_ fixture: CutoverFixture, _ hostID: String) async throws -> [String: String] {
        try await guests(fixture, hostID).reduce(into: [:]) { $0[$1["guest_id"] as? String ?? "?"] = $1["staleness"] as? String ?? "(missing)" }
    }

    /// Each guest's `last_report_at`; `nil` for an explicit JSON null, `"(missing)"` when absent.
    private func lastReports(_ fixture: CutoverFixture, _ hostID: String) async throws -> [String: String?] {
        try await guests(fixture, hostID).reduce(into: [:]) { result, guest in
            let id = guest["guest_id"] as? String ?? "?"
            switch guest["last_report_at"] {
            case is NSNull: result[id] = .some(nil)
            case let text as String: result[id] = .some(text)
            default: result[id] = .some("(missing)")
            }
        }
    }
}
