import Foundation
import HubTestSupport
import Kernel
import Testing

/// The host page's desired state: shown with its generation, set from a form that asks
/// first and then sets it as the admin API's `PUT` does; and the cohort it is live for.
@Suite struct DashboardDesiredStateTests {
    @Test func theDesiredStateIsShownPrettyPrintedWithItsGeneration() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.putDesired(host.id, #"{"desired": {"zeta": [1, 2], "alpha": {"note": "<b>"}}}"#)
        try await fixture.hub.withClient { client in
            let page = try await DashboardBrowser.logIn(client).get("/ui/hosts/\(host.id)")
            #expect(page.body.contains(#"Generation <strong id="desired-generation">1</strong>"#))
            let shown = try #require(DashboardHTML.element("pre", id: "desired-state", in: page.body))
            #expect(shown.contains("&quot;alpha&quot; : {\n    &quot;note&quot; : &quot;&lt;b&gt;&quot;\n  },"), "indented, keys sorted, escaped: \(shown)")
            #expect(!page.body.contains(#"id="signed-ops-cohort""#))
        }
    }

    @Test func theFormAsksThenSetsTheStateTheHostFetches() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let form = [("return_to", "/ui/hosts/\(host.id)"), ("desired", #"{"guests": {"101": {"cores": 2}}}"#)]
            let question = try await browser.post("/ui/hosts/\(host.id)/desired", form)
            #expect(question.body.contains("Replace the desired state of host \(host.id) (generation 0)?"))
            #expect(try await fixture.hub.count("hosts", where: "desired_generation > 0") == 0)

            let done = try await browser.post("/ui/hosts/\(host.id)/desired", form, confirmed: true)
            #expect(done.status == 303)
            let page = try await DashboardOps.follow(done, with: browser)
            #expect(page.body.contains("The desired state of host \(host.id) is now generation 1."))
            let again = try await DashboardOps.follow(try await browser.post("/ui/hosts/\(host.id)/desired", form, confirmed: true), with: browser)
            #expect(again.body.contains("was already this; it stays generation 1."))

            for (text, message) in [("{\"a\": ", "desired: is not valid JSON"), ("[1]", "desired: required, a JSON object"), ("", "desired: required, a JSON object")] {
                let bad = try await browser.post("/ui/hosts/\(host.id)/desired", [("desired", text)], confirmed: true)
                #expect(bad.status == 400, "\(text)")
                #expect(bad.body.contains(message), "\(text): \(bad.body)")
            }
        }
        let fetched = try await fixture.send(.get, "/api/v1/host-desired", key: host.key).json
        let payload = try EnvelopeCheck.verify(fetched, keys: try await fixture.publishedKeys(), expectedType: EnvelopeCheck.desiredType)
        #expect(payload["desired_generation"] as? Int == 1)
        #expect(((payload["desired"] as? [String: Any])?["guests"] as? [String: Any])?["101"] as? [String: Int] == ["cores": 2])
    }

    @Test func aHostOutsideTheCohortIsSaidToFetchNothing() async throws {
        let fixture = try await SignedOpsFixture.make(customers: ["acme", "beta"])
        let host = try await fixture.host(customer: "beta")
        try await fixture.cohort(["acme"])
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.body.contains(#"id="signed-ops-cohort""#))
            #expect(page.body.contains("flag is off for customer beta"))
            // As through the admin API, an op may still be issued: it waits for the cohort.
            let issued = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "reboot_host"), confirmed: true)
            #expect(issued.status == 303)
        }
        #expect(try await fixture.hub.count("signed_ops") == 1)
    }
}
