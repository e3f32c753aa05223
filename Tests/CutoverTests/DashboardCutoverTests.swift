import CutoverSlice
import Foundation
import HubTestSupport
import Kernel
import Testing


/// The cutover's part of the dashboard: the controller guests on the overview, and a
/// guest's key minted from its host's page — asked first, shown once, the old key dead.
@Suite struct DashboardCutoverTests {
    @Test func theOverviewCountsControllerGuestsByState() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: "1.4.2"])
        let key = try await fixture.guestKey("\(host.id)/101")
        #expect(try await fixture.controllerReport(key: key).status == 200)
        let other = try await fixture.guestKey("\(host.id)/102")
        #expect(try await fixture.controllerReport(key: other).status == 200)
        // Guest 102 falls silent past the stale threshold; guest 101 reports on.
        fixture.hub.clock.advance(by: 1800)
        #expect(try await fixture.controllerReport(key: key).status == 200)
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let overview = try await browser.get("/ui/")
            #expect(overview.body.contains(#"<section class="panel" id="panel-guests""#))
            for (state, count) in ["ok": "1", "stale": "1", "down": "0", "never": "0"] {
                #expect(DashboardBrowser.element("guests-\(state)", in: overview.body) == count, "\(state)")
            }
        }
    }

    @Test func aGuestKeyIsMintedFromTheHostPageAndShownOnce() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2"])
        let guestID = "\(host.id)/101"
        let oldKey = try await fixture.guestKey(guestID)
        let action = "/ui/guests/\(CutoverFixture.encoded(guestID))/key"
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.body.contains(#"<section class="panel" id="guest-keys""#))
            #expect(page.body.contains(#"<form method="post" action="\#(action)" class="inline" id="mint-guest-key-101">"#))

            let asked = try await browser.post(action, [("return_to", "/ui/hosts/\(host.id)")])
            #expect(asked.status == 200)
            #expect(asked.body.contains("Mint a new key for guest \(guestID)?"))
            #expect(try await fixture.controllerReport(key: oldKey).status == 200, "asking changes nothing")

            let minted = try await browser.post(action, [], confirmed: true)
            #expect(minted.status == 200)
            let newKey = try #require(DashboardBrowser.element("guest-key", in: minted.body))
            #expect(newKey.count == 64 && newKey != oldKey)
            #expect(try await fixture.controllerReport(key: oldKey).status == 401, "the old key stops working at once")
            #expect(try await fixture.controllerReport(key: newKey).status == 200)
            #expect(!(try await browser.get("/ui/hosts/\(host.id)").body.contains(newKey)))
            #expect(!fixture.hub.logs.text.contains(newKey))

            let unknown = try await browser.post("/ui/guests/\(CutoverFixture.encoded("\(host.id)/999"))/key", [], confirmed: true)
            #expect(unknown.status == 404)
            #expect(unknown.body.contains("There is no guest \(host.id)/999"))
            let forged = try await browser.post(action, [], csrf: false, confirmed: true)
            #expect(forged.status == 403)
            #expect(try await fixture.controllerReport(key: newKey).status == 200, "a refused form minted nothing")
        }
    }

    @Test func aRevokedHostsGuestsGetNoKeyButton() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2"])
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke").status == 200)
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.status == 200)
            #expect(!page.body.contains("guest-keys"))
        }
    }

    @Test func beforeTheCutoverThereAreNoGuestKeysNorGuestPanel() async throws {
        let fixture = try await CutoverFixture.legacyHub()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2"])
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(!(try await browser.get("/ui/").body.contains("panel-guests")))
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.status == 200)
            #expect(!page.body.contains("guest-keys"))
            #expect(try await browser.post("/ui/guests/\(CutoverFixture.encoded("\(host.id)/101"))/key", [], confirmed: true).status == 404)
        }
    }
}
