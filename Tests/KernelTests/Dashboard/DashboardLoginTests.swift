import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// Logging in to the dashboard with the global key, the session cookie it sets, and
/// what is refused: a wrong key, a login form without its token, too many wrong keys.
@Suite struct DashboardLoginTests {
    @Test func theGlobalKeyStartsASessionKeptOnlyAsAHash() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let reply = try await DashboardBrowser.logInReply(client, key: TestHub.globalKey)
            #expect(reply.status == 303)
            #expect(reply.headers[.location] == "/ui/")
            let setCookie = try #require(reply.headers[values: .setCookie].first { $0.hasPrefix("hub_session=") })
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/ui", "Max-Age=43200"] {
                #expect(setCookie.contains(attribute), "\(setCookie) lacks \(attribute)")
            }
            #expect(!setCookie.contains("Secure"), "plain HTTP cannot carry a Secure cookie")
            let token = try #require(DashboardBrowser.cookie("hub_session", in: reply.headers))
            let stored = try await hub.database.rows("SELECT * FROM kernel_dashboard_sessions")
            #expect(stored.count == 1)
            #expect(stored.allSatisfy { row in row.databaseValues.allSatisfy { "\($0)".contains(token) == false } })
            #expect(!hub.logs.text.contains(token))
            #expect(!hub.logs.text.contains(TestHub.globalKey))

            let overview = try await client.send(.get, "/ui/", headers: [.cookie: "hub_session=\(token)"])
            #expect(overview.status == 200)
            #expect(overview.body.contains("toy panel"))
        }
    }

    @Test func behindATLSProxyTheCookieIsSecure() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let reply = try await DashboardBrowser.logInReply(client, key: TestHub.globalKey, headers: [.init("X-Forwarded-Proto")!: "https"])
            let setCookie = try #require(reply.headers[values: .setCookie].first { $0.hasPrefix("hub_session=") })
            #expect(setCookie.contains("; Secure"))
        }
    }

    @Test func aWrongKeyIsRefusedAndStartsNoSession() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let reply = try await DashboardBrowser.logInReply(client, key: String(repeating: "cd", count: 32))
            #expect(reply.status == 401)
            #expect(reply.body.contains("That is not the hub&#39;s global key.") || reply.body.contains("That is not the hub's global key."))
            #expect(DashboardBrowser.cookie("hub_session", in: reply.headers) == nil)
            #expect(try await hub.count("kernel_dashboard_sessions") == 0)
        }
    }

    @Test func aLoginFormWithoutItsTokenIsRefused() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            // Another site posting the right key (say, from a password manager's autofill)
            // without the form's token must not log the browser in.
            let reply = try await DashboardBrowser.postForm(client, "/ui/login", [("key", TestHub.globalKey), ("csrf", "forged")])
            #expect(reply.status == 403)
            #expect(DashboardBrowser.cookie("hub_session", in: reply.headers) == nil)
            #expect(try await hub.count("kernel_dashboard_sessions") == 0)
        }
    }

    @Test func tooManyWrongKeysMakeTheClientWaitEvenWithTheRightOne() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())]) { $0.dashboardLoginFailuresPerMinute = 3 }
        try await hub.withClient { client in
            for _ in 0..<3 {
                #expect(try await DashboardBrowser.logInReply(client, key: "wrong").status == 401)
            }
            let limited = try await DashboardBrowser.logInReply(client, key: TestHub.globalKey)
            #expect(limited.status == 429)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(DashboardBrowser.cookie("hub_session", in: limited.headers) == nil)
            hub.clock.advance(by: 61)
            #expect(try await DashboardBrowser.logInReply(client, key: TestHub.globalKey).status == 303)
        }
    }

    @Test func afterLoginTheBrowserReturnsToThePageItAskedFor() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let asked = try await client.send(.get, "/ui/toy?name=ada")
            #expect(asked.status == 303)
            #expect(asked.headers[.location] == "/ui/login?next=%2Fui%2Ftoy%3Fname%3Dada")
            let form = try await client.send(.get, "/ui/login?next=%2Fui%2Ftoy%3Fname%3Dada")
            #expect(DashboardBrowser.hiddenField("next", in: form.body) == "/ui/toy?name=ada")
            // Never another site, nor the API.
            for next in ["//evil.example/ui", "https://evil.example", "/api/v1/admin/flags", "/ui/../api"] {
                let page = try await client.send(.get, "/ui/login?next=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(DashboardBrowser.hiddenField("next", in: page.body) == "/ui/", "\(next)")
            }
        }
    }
}
