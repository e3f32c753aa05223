import ControllerSlice
import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// `/ui/customers/{customer_id}`: what an operator sees of one customer and the changes
/// made there — each the change `PATCH /api/v1/admin/customers/{customer_id}` makes.
@Suite struct DashboardCustomerPageTests {
    @Test func thePageShowsTheAccountTheControllerAndTheEvents() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let key = try await fixture.addCustomer("acme", name: "Acme Ltd", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            let fresh = try await browser.get("/ui/customers/acme")
            #expect(fresh.status == 200)
            #expect(fresh.body.contains("<h1>Customer acme</h1>"))
            #expect(DashboardBrowser.element("customer-name", in: fresh.body) == "Acme Ltd")
            #expect(fresh.body.contains(#"<span class="state state-never" id="controller-state">never</span>"#))
            #expect(fresh.body.contains(#"<a href="/ui/events?customer=acme" id="customer-all-events">"#))
            #expect(!fresh.body.contains(#"id="customer-hosts""#), "without host-ingest there is no hosts page to link to")

            _ = try await fixture.report(key: key, using: client)
            #expect(try await browser.get("/ui/customers/acme").body.contains(#"<span class="state state-ok" id="controller-state">ok</span>"#))
            // Silent for the stale threshold: the dead-man's switch says so and records it.
            fixture.hub.clock.advance(by: 1800)
            await fixture.hub.hub.ticker.tick()
            let silent = try await browser.get("/ui/customers/acme")
            #expect(silent.body.contains(#"<span class="state state-stale" id="controller-state">stale</span>"#))
            #expect(DashboardBrowser.element("controller-last-report", in: silent.body) == "2026-05-28 20:26:40")
            #expect(silent.body.contains("<td>controller_stale</td>"), "the latest events are listed")
        }
    }

    @Test func anUnknownCustomerIsNotFound() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/customers/nobody")
            #expect(page.status == 404)
            #expect(page.body.contains("There is no customer nobody."))
            #expect(try await browser.post("/ui/customers/nobody/block", []).status == 404, "nothing to ask about")
            #expect(try await browser.post("/ui/customers/nobody/unblock", []).status == 404)
            #expect(try await browser.post("/ui/customers/nobody/webhook", [("webhook_url", "https://hooks.example.com/")]).status == 404)
        }
    }

    @Test func blockingAsksFirstThenBlocksAndUnblockingDoesNot() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let key = try await fixture.addCustomer("acme", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.get("/ui/customers/acme").body.contains(#"id="customer-block""#))

            let asked = try await browser.post("/ui/customers/acme/block", [("return_to", "/ui/customers/acme")])
            #expect(asked.status == 200)
            #expect(asked.body.contains("Block customer acme?"))
            #expect(try await fixture.status(of: "acme") == "active", "asking changes nothing")

            let blocked = try await browser.post("/ui/customers/acme/block", [], confirmed: true)
            #expect(blocked.status == 303)
            #expect(blocked.headers[.location] == "/ui/customers/acme")
            #expect(try await fixture.status(of: "acme") == "blocked")
            #expect(try await fixture.report(key: key, using: client).json["blocked"] as? Bool == true, "its controller is told")
            let page = try await browser.follow(blocked)
            #expect(page.body.contains(#"<p class="notice" role="status">acme is blocked.</p>"#))
            #expect(page.body.contains(#"<dd id="customer-status"><span class="state state-blocked">blocked</span></dd>"#))
            #expect(page.body.contains(#"id="customer-unblock""#))
            #expect(!page.body.contains(#"id="customer-block""#))

            let unblocked = try await browser.post("/ui/customers/acme/unblock", [])
            #expect(unblocked.status == 303, "unblocking is done at once")
            #expect(try await fixture.status(of: "acme") == "active")
        }
    }

    @Test func paidUntilIsSetFromTheFormAndClearedWhenEmpty() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            try await fixture.addCustomer("acme", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            let set = try await browser.post("/ui/customers/acme/paid-until", [("paid_until", "2026-12-01T10:00")])
            #expect(set.status == 303)
            #expect(try await paidUntil(fixture) == "2026-12-01T10:00:00.000Z", "a datetime-local field is read as UTC")
            let page = try await browser.follow(set)
            #expect(page.body.contains("acme is paid until 2026-12-01 10:00:00."))
            #expect(DashboardBrowser.element("customer-paid-until", in: page.body) == "2026-12-01 10:00:00")
            #expect(page.body.contains(#"name="paid_until" type="datetime-local" value="2026-12-01T10:00""#))

            let wrong = try await browser.post("/ui/customers/acme/paid-until", [("paid_until", "next tuesday")])
            #expect(wrong.status == 400)
            #expect(wrong.body.contains("Paid until must be a date and time"))
            #expect(try await paidUntil(fixture) == "2026-12-01T10:00:00.000Z")

            #expect(try await browser.post("/ui/customers/acme/paid-until", [("paid_until", "")]).status == 303)
            #expect(try await paidUntil(fixture) == nil)
        }
    }

    @Test func theWebhookSecretIsShownOnceAndNeverLogged() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            try await fixture.addCustomer("acme", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            let set = try await browser.post("/ui/customers/acme/webhook", [("webhook_url", "https://hooks.example.com/felhom")])
            #expect(set.status == 200)
            let secret = try #require(DashboardBrowser.element("webhook-secret", in: set.body))
            #expect(try await stored(fixture).secret == secret)
            #expect(try await stored(fixture).url == "https://hooks.example.com/felhom")
            let page = try await browser.get("/ui/customers/acme")
            #expect(!page.body.contains(secret))
            #expect(page.body.contains(#"<dd id="customer-webhook"><code>https://hooks.example.com/felhom</code></dd>"#))

            // Another path at the same receiver keeps the secret (as the API does).
            let moved = try await browser.post("/ui/customers/acme/webhook", [("webhook_url", "https://hooks.example.com/v2")])
            #expect(moved.status == 303)
            #expect(try await browser.follow(moved).body.contains("its signing secret is unchanged"))
            #expect(try await stored(fixture).secret == secret)

            let asked = try await browser.post("/ui/customers/acme/webhook/rotate", [])
            #expect(asked.body.contains("Make a new signing secret for the webhook of acme?"))
            #expect(try await stored(fixture).secret == secret, "asking changes nothing")
            let rotated = try await browser.post("/ui/customers/acme/webhook/rotate", [], confirmed: true)
            #expect(rotated.status == 200)
            let newSecret = try #require(DashboardBrowser.element("webhook-secret", in: rotated.body))
            #expect(newSecret != secret)
            #expect(try await stored(fixture).secret == newSecret)
            #expect(!(try await browser.get("/ui/customers/acme").body.contains(newSecret)))

            for shown in [secret, newSecret] {
                #expect(!fixture.hub.logs.text.contains(shown))
            }

            let removed = try await browser.post("/ui/customers/acme/webhook/remove", [], confirmed: true)
            #expect(removed.status == 303)
            #expect(try await stored(fixture).url == nil)
            #expect(try await stored(fixture).secret == nil)
            #expect(!(try await browser.get("/ui/customers/acme").body.contains(#"id="customer-webhook-rotate""#)))
        }
    }

    @Test func aWebhookURLTheAPIRefusesIsRefusedHereToo() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            try await fixture.addCustomer("acme", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            let private_ = try await browser.post("/ui/customers/acme/webhook", [("webhook_url", "http://127.0.0.1:8080/hook")])
            #expect(private_.status == 400)
            #expect(private_.body.contains("webhook_url points at a loopback"))
            let empty = try await browser.post("/ui/customers/acme/webhook", [("webhook_url", " ")])
            #expect(empty.status == 400)
            #expect(empty.body.contains("Enter the webhook URL"))
            let rotate = try await browser.post("/ui/customers/acme/webhook/rotate", [], confirmed: true)
            #expect(rotate.status == 400, "there is no webhook to rotate")
            #expect(try await stored(fixture).url == nil)
            #expect(try await stored(fixture).secret == nil)
        }
    }

    private func paidUntil(_ fixture: CustomerDashboardHub) async throws -> String? {
        try await fixture.hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT paid_until FROM customer_configs WHERE customer_id = 'acme'")
        }
    }

    private func stored(_ fixture: CustomerDashboardHub) async throws -> (url: String?, secret: String?) {
        try await fixture.hub.database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT webhook_url, webhook_secret FROM customer_configs WHERE customer_id = 'acme'")
            return (row?["webhook_url"], row?["webhook_secret"])
        }
    }
}
