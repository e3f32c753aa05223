import ControllerSlice
import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// A hub with the controller slice for the dashboard's customer pages, and what the
/// tests do to it through the admin API, as an operator's scripts would.
struct CustomerDashboardHub {
    let hub: TestHub

    static func make(enabled: [String]? = nil) async throws -> CustomerDashboardHub {
        CustomerDashboardHub(hub: try await TestHub(slices: [ControllerSlice.slice], enabled: enabled))
    }

    /// Creates a customer through the admin API; answers its key.
    @discardableResult
    func addCustomer(_ id: String, name: String? = nil, using client: HubClient) async throws -> String {
        var body: [String: Any] = ["customer_id": id]
        body["name"] = name
        let reply = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: body)
        guard reply.status == 201, let key = reply.json["api_key"] as? String else { throw DashboardBrowserError("adding \(id): \(reply.body)") }
        return key
    }

    func patch(_ id: String, _ body: [String: Any], using client: HubClient) async throws -> HubClient.Reply {
        try await client.send(.patch, "/api/v1/admin/customers/\(id)", key: TestHub.globalKey, json: body)
    }

    /// A controller report with the customer's key.
    func report(key: String, using client: HubClient) async throws -> HubClient.Reply {
        try await client.send(.post, "/api/v1/report", key: key, json: [
            "reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "hostname": "felhom-ctl",
        ])
    }

    func status(of id: String) async throws -> String? {
        try await hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM customer_configs WHERE customer_id = ?", arguments: [id])
        }
    }
}


/// `/ui/customers`: the table, its filters and pages, and adding a customer.
@Suite struct DashboardCustomersTests {
    @Test func customersAreListedWithTheirStateAndFiltered() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            try await fixture.addCustomer("acme", name: "Acme Ltd", using: client)
            try await fixture.addCustomer("globex", name: "Globex", using: client)
            let initech = try await fixture.addCustomer("initech", name: "Initech", using: client)
            _ = try await fixture.patch("globex", ["status": "blocked", "webhook_url": "https://hooks.example.com/globex"], using: client)
            _ = try await fixture.report(key: initech, using: client)
            let browser = try await DashboardBrowser.logIn(client)

            let all = try await browser.get("/ui/customers")
            #expect(all.status == 200)
            #expect(all.body.contains(#"<a href="/ui/customers" aria-current="page">Customers</a>"#))
            #expect(DashboardBrowser.rows("customer-", in: all.body) == 3)
            #expect(all.body.contains(#"<a href="/ui/customers/acme">acme</a>"#))
            #expect(all.body.contains(#"<span class="state state-blocked">blocked</span>"#))
            #expect(all.body.contains(#"<span class="state state-ok">ok</span>"#), "initech's controller has just reported")
            #expect(all.body.contains(#"<span class="state state-never">never</span>"#))

            let blocked = try await browser.get("/ui/customers?status=blocked")
            #expect(DashboardBrowser.rows("customer-", in: blocked.body) == 1)
            #expect(blocked.body.contains(#"id="customer-globex""#))
            #expect(blocked.body.contains(#"<option value="blocked" selected>"#), "the filter keeps its choice")

            let byName = try await browser.get("/ui/customers?q=ACME")
            #expect(DashboardBrowser.rows("customer-", in: byName.body) == 1)
            #expect(byName.body.contains(#"id="customer-acme""#))
            let byID = try await browser.get("/ui/customers?q=itech")
            #expect(DashboardBrowser.rows("customer-", in: byID.body) == 1)
            #expect(byID.body.contains(#"id="customer-initech""#))
            // A wildcard typed in the filter is a character, not a pattern.
            #expect(DashboardBrowser.rows("customer-", in: try await browser.get("/ui/customers?q=%25").body) == 0)

            let silent = try await browser.get("/ui/customers?controller=never")
            #expect(DashboardBrowser.rows("customer-", in: silent.body) == 2)
            #expect(!silent.body.contains(#"id="customer-initech""#))

            let wrong = try await browser.get("/ui/customers?status=asleep")
            #expect(wrong.status == 400)
            #expect(wrong.body.contains("status must be active or blocked"))
        }
    }

    @Test func aLongListIsShownAPageAtATime() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            for number in 1...55 {
                try await fixture.addCustomer(String(format: "customer-%02d", number), using: client)
            }
            let browser = try await DashboardBrowser.logIn(client)
            let first = try await browser.get("/ui/customers?q=customer")
            #expect(DashboardBrowser.rows("customer-customer-", in: first.body) == 50)
            #expect(first.body.contains("1–50 of 55"))
            #expect(first.body.contains(#"<a href="/ui/customers?q=customer&amp;page=2" rel="next">Next</a>"#))
            let second = try await browser.get("/ui/customers?q=customer&page=2")
            #expect(DashboardBrowser.rows("customer-customer-", in: second.body) == 5)
            #expect(second.body.contains(#"id="customer-customer-55""#))
            #expect(second.body.contains("51–55 of 55"))
            #expect(!second.body.contains(#"rel="next""#))
        }
    }

    @Test func aNewCustomerKeyIsShownOnceAndWorks() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let form = try await browser.get("/ui/customers")
            #expect(form.body.contains(#"<form method="post" action="/ui/customers" class="stack" id="new-customer">"#))

            let created = try await browser.post("/ui/customers", [("customer_id", "acme"), ("name", "Acme Ltd")])
            #expect(created.status == 200, "\(created.body)")
            let key = try #require(DashboardBrowser.element("new-customer-key", in: created.body))
            #expect(key.count == 64)
            #expect(try await fixture.report(key: key, using: client).status == 200, "the key shown is the customer's key")

            let page = try await browser.get("/ui/customers/acme")
            #expect(page.status == 200)
            #expect(page.body.contains("Acme Ltd"))
            #expect(!page.body.contains(key))
            #expect(!(try await browser.get("/ui/customers").body.contains(key)))
            #expect(!fixture.hub.logs.text.contains(key))
        }
    }

    @Test func aRefusedCustomerIsExplainedAndNothingIsAdded() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let invalid = try await browser.post("/ui/customers", [("customer_id", "Acme Ltd")])
            #expect(invalid.status == 400)
            #expect(invalid.body.contains(#"<p class="error" role="alert">customer_id must match"#))
            #expect(try await fixture.hub.count("customer_configs") == 0)

            try await fixture.addCustomer("acme", using: client)
            let twice = try await browser.post("/ui/customers", [("customer_id", "acme")])
            #expect(twice.status == 409)
            #expect(twice.body.contains("customer acme already exists"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            try await fixture.addCustomer("acme", using: client)
            let browser = try await DashboardBrowser.logIn(client)
            let add = try await browser.post("/ui/customers", [("customer_id", "globex")], csrf: false)
            #expect(add.status == 403)
            #expect(try await fixture.hub.count("customer_configs") == 1)
            let block = try await browser.post("/ui/customers/acme/block", [], csrf: false, confirmed: true)
            #expect(block.status == 403)
            #expect(try await fixture.status(of: "acme") == "active")
        }
    }

    @Test func aCustomerNameIsShownAsTextNeverAsMarkup() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let name = #"<script>alert("owned")</script>"#
            #expect(try await browser.post("/ui/customers", [("customer_id", "acme"), ("name", name)]).status == 200)
            for path in ["/ui/customers", "/ui/customers/acme", "/ui/customers?q=%3Cscript"] {
                let page = try await browser.get(path)
                #expect(page.status == 200)
                #expect(!page.body.contains("<script>alert"), "\(path) inserts the name as markup")
                #expect(page.body.contains("&lt;script&gt;"), "\(path) does not show the name")
            }
        }
    }

    @Test func aHubWithoutTheControllerHasNoCustomersPage() async throws {
        let fixture = try await CustomerDashboardHub.make(enabled: [])
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.get("/ui/customers").status == 404)
            #expect(try await browser.get("/ui/customers/acme").status == 404)
            #expect(try await browser.post("/ui/customers", [("customer_id", "acme")]).status == 404)
            let overview = try await browser.get("/ui/")
            #expect(overview.status == 200)
            #expect(!overview.body.contains(">Customers</a>"))
            #expect(!overview.body.contains("panel-controllers"))
        }
    }
}
