import ControllerSlice
import Foundation
import HubTestSupport
import Kernel
import Testing

/// The controller's panels on the overview: controllers by state, customers by status,
/// the webhook backlog — each count leading to the customers it counts.
@Suite struct DashboardOverviewTests {
    @Test func theOverviewCountsControllersCustomersAndWaitingDeliveries() async throws {
        let fixture = try await CustomerDashboardHub.make()
        try await fixture.hub.withClient { client in
            let initech = try await fixture.addCustomer("initech", using: client)
            let acme = try await fixture.addCustomer("acme", using: client)
            try await fixture.addCustomer("globex", using: client)
            _ = try await fixture.patch("globex", ["status": "blocked"], using: client)
            _ = try await fixture.patch("initech", ["webhook_url": "https://hooks.example.com/initech"], using: client)
            _ = try await fixture.report(key: initech, using: client)
            // Initech falls silent; its controller_stale event is owed to its webhook.
            fixture.hub.clock.advance(by: 1800)
            await fixture.hub.hub.ticker.tick()
            _ = try await fixture.report(key: acme, using: client)
            fixture.hub.clock.advance(by: 300)

            let browser = try await DashboardBrowser.logIn(client)
            let overview = try await browser.get("/ui/")
            #expect(overview.status == 200)
            let expected = [
                "controllers-ok": "1", "controllers-stale": "1", "controllers-down": "0", "controllers-never": "1",
                "customers-active": "2", "customers-blocked": "1", "webhooks-pending": "1 for 1 customer(s)", "webhooks-oldest": "5 min",
            ]
            for (id, count) in expected {
                #expect(DashboardBrowser.element(id, in: overview.body) == count, "\(id)")
            }
            #expect(overview.body.contains(#"<a href="/ui/customers?controller=stale" id="controllers-stale">1</a>"#))

            // The count's link lists exactly the customers it counted.
            let stale = try await browser.get("/ui/customers?controller=stale")
            #expect(DashboardBrowser.rows("customer-", in: stale.body) == 1)
            #expect(stale.body.contains(#"id="customer-initech""#))
            let blocked = try await browser.get("/ui/customers?status=blocked")
            #expect(DashboardBrowser.rows("customer-", in: blocked.body) == 1)
            #expect(blocked.body.contains(#"id="customer-globex""#))

            // The panels refresh themselves from the overview's live part.
            let live = try await browser.get("/ui/overview/panels")
            #expect(live.body.hasPrefix(#"<section class="panel" id="panel-controllers""#))
        }
    }
}
