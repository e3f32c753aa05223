import EnrollmentSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// Revoking a host from its dashboard page: asked first, then done as
/// `POST /api/v1/admin/hosts/{host_id}/revoke` does it — the key refused at once.
@Suite struct DashboardHostRevocationTests {
    @Test func aHostIsRevokedFromItsPageAfterAQuestion() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await fixture.reportingHost()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.status == 200)
            #expect(page.body.contains(#"<form method="post" action="/ui/hosts/\#(host.id)/revoke" class="stack" id="revoke-host">"#))
            #expect(page.body.contains(#"<button type="submit" class="danger">Revoke \#(host.id)</button>"#))

            let asked = try await browser.post("/ui/hosts/\(host.id)/revoke", [("reason", "stolen"), ("return_to", "/ui/hosts/\(host.id)")])
            #expect(asked.status == 200)
            #expect(asked.body.contains("Revoke host \(host.id)? Its key stops working at once."))
            #expect(asked.body.contains(#"<input type="hidden" name="reason" value="stolen">"#), "the reason is carried to the confirmation")
            #expect(try await fixture.report(hostID: host.id, key: host.key).status == 200, "asking changes nothing")

            let revoked = try await browser.post("/ui/hosts/\(host.id)/revoke", [("reason", "stolen")], confirmed: true)
            #expect(revoked.status == 303)
            #expect(revoked.headers[.location] == "/ui/hosts/\(host.id)")
            #expect(try await fixture.report(hostID: host.id, key: host.key).status == 401)
            let event = try #require(try await fixture.hub.events(type: "host_revoked").first)
            #expect(event.payload == JSONValue.object(["host_id": .string(host.id), "reason": .string("stolen")]))

            let after = try await browser.follow(revoked)
            #expect(after.body.contains("Host \(host.id) is revoked"), "the notice says what was done")
            #expect(!after.body.contains(#"id="revoke-host""#), "a revoked host shows no revoke form")

            // Posting again changes nothing and records nothing.
            #expect(try await browser.post("/ui/hosts/\(host.id)/revoke", [], confirmed: true).status == 303)
            #expect(try await fixture.hub.events(type: "host_revoked").count == 1)
        }
    }

    @Test func anUnknownHostOrAFormWithoutItsTokenRevokesNothing() async throws {
        let fixture = try await EnrollmentFixture.make()
        let host = try await fixture.reportingHost()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            #expect(try await browser.post("/ui/hosts/acme-nohost/revoke", []).status == 404)
            #expect(try await browser.post("/ui/hosts/acme-nohost/revoke", [], confirmed: true).status == 404)
            let forged = try await browser.post("/ui/hosts/\(host.id)/revoke", [], csrf: false, confirmed: true)
            #expect(forged.status == 403)
            #expect(try await fixture.report(hostID: host.id, key: host.key).status == 200)
            #expect(try await fixture.hub.events(type: "host_revoked").isEmpty)
        }
    }

    @Test func withoutEnrollmentAHostPageHasNoRevokeForm() async throws {
        let fixture = try await EnrollmentFixture.make(enabled: ["controller", "host-ingest", "signed-ops"])
        let minted = try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"])
        let hostID = try #require(minted.json["host_id"] as? String)
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(hostID)")
            #expect(page.status == 200)
            #expect(!page.body.contains("revoke-host"))
            #expect(try await browser.post("/ui/hosts/\(hostID)/revoke", [], confirmed: true).status == 404)
        }
    }
}
