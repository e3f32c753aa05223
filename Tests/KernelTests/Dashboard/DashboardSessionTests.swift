import Foundation
import HubTestSupport
import Kernel
import Testing

/// A session ends at its expiry and at logout; a page asked for without one sends the
/// browser to the login form.
@Suite struct DashboardSessionTests {
    @Test func aPageWithoutASessionSendsTheBrowserToLogin() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            for path in ["/ui/", "/ui/flags", "/ui/events", "/ui/slices", "/ui/toy"] {
                let reply = try await client.send(.get, path)
                #expect(reply.status == 303, "\(path)")
                #expect(reply.headers[.location]?.hasPrefix("/ui/login?next=") == true, "\(path)")
            }
            let forged = try await client.send(.get, "/ui/flags", headers: [.cookie: "hub_session=\(String(repeating: "0", count: 64))"])
            #expect(forged.status == 303)
        }
    }

    @Test func anExpiredSessionIsRefusedAndTheOperatorIsToldWhy() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())]) { $0.dashboardSessionLifetime = 600 }
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.get("/ui/toy").status == 200)
            hub.clock.advance(by: 601)
            let page = try await browser.get("/ui/toy")
            #expect(page.status == 303)
            #expect(page.headers[.location] == "/ui/login?next=%2Fui%2Ftoy&expired=1")
            let login = try await client.send(.get, try #require(page.headers[.location]))
            #expect(login.body.contains("Your session has expired. Log in again."))
            let posted = try await browser.post("/ui/toy/ring", [("bell", "front")], confirmed: true)
            #expect(posted.status == 303)
            #expect(posted.headers[.location]?.hasPrefix("/ui/login") == true)
        }
    }

    @Test func logoutEndsTheSessionAndNeedsTheFormToken() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            // A logout another site triggers (no token) is refused: the session goes on.
            #expect(try await browser.post("/ui/logout", csrf: false).status == 403)
            #expect(try await browser.get("/ui/toy").status == 200)

            let out = try await browser.post("/ui/logout")
            #expect(out.status == 303)
            #expect(out.headers[.location] == "/ui/login?out=1")
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("hub_session=;") && $0.contains("Max-Age=0") })
            #expect(try await hub.count("kernel_dashboard_sessions") == 0)
            // The old cookie, replayed, opens nothing.
            #expect(try await browser.get("/ui/toy").status == 303)
        }
    }
}
