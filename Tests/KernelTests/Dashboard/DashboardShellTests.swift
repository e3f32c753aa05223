import Foundation
import HubTestSupport
import Kernel
import Testing

/// The shell around slices' pages: layout and navigation, the confirmation step, the
/// CSRF check, HTML errors, the headers every answer carries.
@Suite struct DashboardShellTests {
    @Test func aSlicePageIsServedInTheLayoutWithItsNavigationAndPanel() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/toy?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(page.status == 200)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains(#"<a href="/ui/toy" aria-current="page">Toy</a>"#))
            #expect(page.body.contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[.cacheControl] == "no-store")
            let overview = try await browser.get("/ui/")
            #expect(overview.body.contains(#"id="toy-panel""#))
            let navigation = ["Overview", "Toy", "Events", "Flags", "Slices"].map { overview.body.range(of: ">\($0)</a>")?.lowerBound }
            #expect(navigation.allSatisfy { $0 != nil })
            #expect(navigation.compactMap { $0 } == navigation.compactMap { $0 }.sorted(), "navigation follows the positions")
            #expect(try await client.send(.get, "/ui/assets/hub.css").status == 200)
            #expect(try await client.send(.get, "/ui/assets/live.js").headers[.contentType]?.hasPrefix("text/javascript") == true)
        }
    }

    @Test func aSliceSwitchedOffShowsNoPageNoEntryNoPanel() async throws {
        let hub = try await TestHub(slices: [toySlice("base"), DashboardToys.slice(name: "extra", rung: Recorder())], enabled: ["base"])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.get("/ui/toy").status == 404)
            let overview = try await browser.get("/ui/")
            #expect(overview.status == 200)
            #expect(!overview.body.contains(">Toy</a>"))
            #expect(!overview.body.contains("toy-panel"))
        }
    }

    @Test func anActionAsksFirstAndActsOnlyOnConfirmation() async throws {
        let rung = Recorder<String>()
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: rung)])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let question = try await browser.post("/ui/toy/ring", [("bell", "front <door>"), ("return_to", "/ui/toy")])
            #expect(question.status == 200)
            #expect(question.body.contains("Ring the front &lt;door&gt; bell?"))
            #expect(question.body.contains(#"<input type="hidden" name="bell" value="front &lt;door&gt;">"#))
            #expect(question.body.contains(#"name="confirmed" value="yes""#))
            #expect(rung.all.isEmpty)

            let done = try await browser.post("/ui/toy/ring", [("bell", "front")], confirmed: true)
            #expect(done.status == 303)
            #expect(done.headers[.location] == "/ui/toy")
            #expect(rung.all.count == 1)
            #expect(rung.all.first?.hasPrefix("front by session:ds-") == true)
            // The notice is shown once, on the page the browser is sent to.
            let notice = try #require(DashboardBrowser.cookie("hub_notice", in: done.headers))
            let shown = try await client.send(.get, "/ui/toy", headers: [.cookie: "hub_session=\(browser.sessionCookie); hub_notice=\(notice)"])
            #expect(shown.body.contains(#"<p class="notice" role="status">Rang the bell.</p>"#))
            #expect(shown.headers[values: .setCookie].contains { $0.hasPrefix("hub_notice=;") && $0.contains("Max-Age=0") })
        }
    }

    @Test func aFormWithoutTheSessionsTokenChangesNothing() async throws {
        let rung = Recorder<String>()
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: rung)])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let missing = try await browser.post("/ui/toy/ring", [("bell", "front")], csrf: false, confirmed: true)
            #expect(missing.status == 403)
            #expect(missing.body.contains("security token"))
            let wrong = try await browser.post("/ui/toy/ring", [("bell", "front"), ("csrf", String(repeating: "0", count: 64))], csrf: false, confirmed: true)
            #expect(wrong.status == 403)
            // Another session's token does not do either.
            let other = try await DashboardBrowser.logIn(client)
            let crossed = try await DashboardBrowser.postForm(
                client, "/ui/toy/ring", [("bell", "front"), ("csrf", other.csrfToken), ("confirmed", "yes")],
                headers: [.cookie: "hub_session=\(browser.sessionCookie)"]
            )
            #expect(crossed.status == 403)
            #expect(rung.all.isEmpty)
            #expect(hub.logs.text.contains("CSRF token missing or wrong"))
        }
    }

    @Test func aRefusalIsAnHTMLPageWithItsStatusAndMessage() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let refused = try await browser.get("/ui/toy/refused")
            #expect(refused.status == 400)
            #expect(refused.headers[.contentType] == "text/html; charset=utf-8")
            #expect(refused.body.contains("the toy refuses"))
            #expect(refused.body.contains("<code>toy_refused</code>"))
            let json = try await client.send(
                .post, "/ui/toy/ring", headers: [.cookie: "hub_session=\(browser.sessionCookie)", .contentType: "application/json"],
                bytes: Array(#"{"bell": "front"}"#.utf8)
            )
            #expect(json.status == 415)
        }
    }
}

/// Paths the dashboard does not have.
@Suite struct DashboardUnknownPathTests {
    @Test func anUnknownPageIsAnHTMLNotFoundInTheFrameAndPagesStillWin() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            #expect(try await client.send(.get, "/ui/no/such/page").headers[.location]?.hasPrefix("/ui/login") == true)
            let browser = try await DashboardBrowser.logIn(client)
            let missing = try await browser.get("/ui/no/such/page")
            #expect(missing.status == 404)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.body.contains("There is no such page"))
            #expect(missing.body.contains(#"<form method="post" action="/ui/logout""#))
            #expect(try await browser.get("/ui/toy").status == 200)
            #expect(try await browser.get("/ui/flags").status == 200)
            #expect(try await client.send(.get, "/ui/assets/hub.css").status == 200)
            #expect(try await browser.get("/ui/toy/ring").status == 405, "a form's path answers GET with 405, as before")
            let posted = try await browser.post("/ui/no/such/form", [("bell", "front")], confirmed: true)
            #expect(posted.status == 404)
            #expect(posted.body.contains("There is no such page"))
            #expect(try await client.send(.get, "/api/v1/no-such-thing").headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }
}
