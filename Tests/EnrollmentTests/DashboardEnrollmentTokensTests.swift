import ControllerSlice
import EnrollmentSlice
import Foundation
import HubTestSupport
import Kernel
import Testing


/// Enrollment tokens on a customer's dashboard page: listed without the token, issued
/// with the token shown once, revoked after a question — each through the checks and
/// store of the admin API.
@Suite struct DashboardEnrollmentTokensTests {
    @Test func aTokenIsIssuedFromTheCustomerPageAndShownOnce() async throws {
        let fixture = try await EnrollmentFixture.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/customers/acme")
            #expect(page.body.contains(#"<section class="panel" id="enrollment-tokens""#))
            #expect(page.body.contains("No token was issued for this customer."))
            #expect(page.body.contains(#"<form method="post" action="/ui/customers/acme/enrollment-tokens" class="stack" id="issue-token">"#))

            let issued = try await browser.post(
                "/ui/customers/acme/enrollment-tokens", [("label", "pve1, Kovács family"), ("ttl_seconds", "3600"), ("uses", "2")]
            )
            #expect(issued.status == 200, "\(issued.body)")
            let token = try #require(DashboardBrowser.element("new-token", in: issued.body))
            #expect(token.hasPrefix("felhom_enroll_"))
            #expect(issued.body.contains("umask 077"), "the installer's steps come with it")
            #expect(try await fixture.enroll(token: token).status == 201, "the token shown enrolls a host")

            let listed = try await browser.get("/ui/customers/acme")
            #expect(!listed.body.contains(token))
            let tokenID = try #require(try await fixture.hub.database.read { db in
                try String.fetchOne(db, sql: "SELECT token_id FROM enrollment_tokens WHERE customer_id = 'acme'")
            })
            #expect(listed.body.contains(#"<tr id="token-\#(tokenID)">"#))
            #expect(listed.body.contains("pve1, Kovács family"))
            #expect(listed.body.contains(#"<td class="number">1 of 2</td>"#))
            #expect(listed.body.contains(#"<span class="state state-active">live</span>"#))
            #expect(listed.body.contains(#"id="revoke-token-\#(tokenID)""#))
            #expect(!fixture.hub.logs.text.contains(token))
        }
    }

    @Test func aRevokedTokenEnrollsNothing() async throws {
        let fixture = try await EnrollmentFixture.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let issued = try await browser.post("/ui/customers/acme/enrollment-tokens", [("label", "spare")])
            let token = try #require(DashboardBrowser.element("new-token", in: issued.body))
            let tokenID = try #require(try await fixture.hub.database.read { db in
                try String.fetchOne(db, sql: "SELECT token_id FROM enrollment_tokens WHERE customer_id = 'acme'")
            })
            let revoke = "/ui/enrollment-tokens/\(tokenID)/revoke"
            #expect(try await browser.get("/ui/customers/acme").body.contains(#"action="\#(revoke)""#))

            let asked = try await browser.post(revoke, [("return_to", "/ui/customers/acme")])
            #expect(asked.status == 200)
            #expect(asked.body.contains("Revoke enrollment token \(tokenID) (spare) of acme?"))
            #expect(try await fixture.hub.count("enrollment_tokens", where: "revoked_at IS NULL") == 1, "asking changes nothing")

            let revoked = try await browser.post(revoke, [], confirmed: true)
            #expect(revoked.status == 303)
            #expect(revoked.headers[.location] == "/ui/customers/acme")
            let refused = try await fixture.enroll(token: token)
            #expect(refused.status == 401)
            #expect(refused.errorCode == "invalid_token")

            let page = try await browser.follow(revoked)
            #expect(page.body.contains(#"<span class="state state-revoked">revoked"#))
            #expect(!page.body.contains(#"id="revoke-token-\#(tokenID)""#), "a revoked token has nothing left to revoke")
            #expect(page.body.contains("Enrollment token \(tokenID) is revoked"), "the notice says what was done")

            #expect(try await browser.post("/ui/enrollment-tokens/et-nothing/revoke", [], confirmed: true).status == 404)
        }
    }

    @Test func aTokenTheAPIWouldRefuseIsRefusedWithItsMessage() async throws {
        let fixture = try await EnrollmentFixture.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let cases: [([(String, String)], String)] = [
                ([("ttl_seconds", "0")], "ttl_seconds: must be from 1 to 2592000 (30 days)"),
                ([("uses", "1001")], "uses: must be from 1 to 1000"),
                ([("uses", "a few")], "uses: must be a whole number"),
                ([("label", String(repeating: "x", count: 201))], "label: at most 200 bytes"),
            ]
            for (fields, message) in cases {
                let refused = try await browser.post("/ui/customers/acme/enrollment-tokens", fields)
                #expect(refused.status == 400, "\(fields)")
                #expect(refused.body.contains(message), "\(fields)")
            }
            let unknown = try await browser.post("/ui/customers/nobody/enrollment-tokens", [])
            #expect(unknown.status == 400 && unknown.body.contains("no customer nobody"))
            #expect(try await fixture.hub.count("enrollment_tokens") == 0)
        }
    }

    @Test func anIssueFormWithoutItsCSRFTokenIssuesNothing() async throws {
        let fixture = try await EnrollmentFixture.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let refused = try await browser.post("/ui/customers/acme/enrollment-tokens", [("label", "forged")], csrf: false)
            #expect(refused.status == 403)
            #expect(!refused.body.contains("felhom_enroll_"))
            #expect(try await fixture.hub.count("enrollment_tokens") == 0)
        }
    }

    @Test func withoutEnrollmentTheCustomerPageHasNoTokens() async throws {
        let fixture = try await EnrollmentFixture.make(enabled: ["controller", "host-ingest", "signed-ops"])
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/customers/acme")
            #expect(page.status == 200)
            #expect(!page.body.contains("enrollment-tokens"))
            #expect(try await browser.post("/ui/customers/acme/enrollment-tokens", []).status == 404)
            #expect(try await browser.post("/ui/enrollment-tokens/et-x/revoke", [], confirmed: true).status == 404)
        }
    }
}
