import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// Signed-ops on a host's dashboard page: the host's ops with their results, and the
/// "Issue an op" form, which asks first and then issues the op as the admin API does —
/// same checks, same answers, same signed envelope.
@Suite struct DashboardOpsTests {
    @Test func issuingAnOpStoresItSignedAndShowsIt() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let opID = try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let reply = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "restart_guest", args: #"{"vmid": 101}"#, ttl: "600"), confirmed: true)
            #expect(reply.status == 303)
            #expect(reply.headers[.location] == "/ui/hosts/\(host.id)")
            let opID = try await fixture.hub.database.read { db in try String.fetchOne(db, sql: "SELECT op_id FROM signed_ops WHERE host_id = ?", arguments: [host.id]) }
            let page = try await DashboardOps.follow(reply, with: browser)
            #expect(page.body.contains(#"role="status">Op \#(opID ?? "?") (restart_guest {&quot;vmid&quot;:101}, seq 1) was issued to host \#(host.id)"#))
            let ops = try #require(DashboardHTML.element("table", id: "host-ops", in: page.body))
            #expect(ops.contains(#"<tr id="op-\#(opID ?? "?")" data-status="pending">"#))
            #expect(ops.contains("<td>restart_guest</td><td><code>{&quot;vmid&quot;:101}</code></td>"))
            return opID
        }
        // What the host fetches is the op, signed, as the admin API would have issued it.
        let envelopes = try await fixture.pendingOps(host)
        #expect(envelopes.count == 1)
        let payload = try EnvelopeCheck.verify(try #require(envelopes.first), keys: try await fixture.publishedKeys(), expectedType: EnvelopeCheck.opType)
        #expect(payload["op_id"] as? String == opID)
        #expect(payload["type"] as? String == "restart_guest")
        #expect((payload["args"] as? [String: Any])?["vmid"] as? Int == 101)
        let expiresAt = try #require((payload["expires_at"] as? String).flatMap(Timestamp.init(rfc3339:)))
        #expect(expiresAt == Timestamp(fixture.hub.clock.now().addingTimeInterval(600)))
    }

    @Test func withoutConfirmationTheFormAsksAndChangesNothing() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let question = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "reboot_host"))
            #expect(question.status == 200)
            #expect(question.body.contains("Issue op reboot_host to host \(host.id)?"))
            #expect(question.body.contains(#"<button type="submit" class="danger" id="confirm">"#))
            #expect(question.body.contains(#"<input type="hidden" name="type" value="reboot_host">"#))
            #expect(try await fixture.hub.count("signed_ops") == 0)
            let withoutToken = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "reboot_host"), csrf: false, confirmed: true)
            #expect(withoutToken.status == 403)
        }
        #expect(try await fixture.hub.count("signed_ops") == 0)
    }

    @Test func aBadOpIsA400ThatSaysWhatIsWrongAndIssuesNothing() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let refused: [(type: String, args: String, ttl: String, message: String)] = [
            ("format_disk", "", "", "type: unknown op type &#39;format_disk&#39;"),
            ("restart_guest", #"{"vmid": 99}"#, "", "args.vmid: must be an integer from 100 to 999999999"),
            ("restart_guest", #"{"vmid": 103}"#, "", "args.vmid: 103 is not a guest host \(host.id) has reported"),
            ("restart_guest", "", "", "args.vmid: required for restart_guest"),
            ("reboot_host", #"{"now": true"#, "", "args: is not valid JSON"),
            ("reboot_host", "[1]", "", "args: must be an object"),
            ("restart_guest", #"{"vmid": 101, "vmid": 102}"#, "", "args: vmid: duplicate key"),
            ("reboot_host", "", "soon", "ttl_seconds: must be a whole number of seconds"),
            ("reboot_host", "", "0", "ttl_seconds"),
            ("reboot_host", "", "604801", "ttl_seconds"),
        ]
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            for bad in refused {
                // Which guests the host has is checked when the op is issued, after the question.
                let checkedFirst = !bad.message.contains("is not a guest")
                for confirmed in checkedFirst ? [false, true] : [true] {
                    let reply = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: bad.type, args: bad.args, ttl: bad.ttl), confirmed: confirmed)
                    #expect(reply.status == 400, "\(bad) confirmed: \(confirmed)")
                    #expect(reply.body.contains(bad.message), "\(bad) confirmed: \(confirmed)")
                    #expect(reply.body.contains(#"<a href="/ui/hosts/\#(host.id)">Go back</a>"#), "the way back is the host's page")
                }
            }
        }
        #expect(try await fixture.hub.count("signed_ops") == 0)
    }

    @Test func aRevokedHostIsRefusedWith409AndOffersNoForm() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let store = HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock)
        _ = try await fixture.hub.database.write { db in try store.revoke(hostID: host.id, in: db) }
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let reply = try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "reboot_host"), confirmed: true)
            #expect(reply.status == 409)
            #expect(reply.body.contains("host \(host.id) is revoked: it fetches nothing any more"))
            let desired = try await browser.post("/ui/hosts/\(host.id)/desired", [("desired", #"{"a": 1}"#)], confirmed: true)
            #expect(desired.status == 409)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.body.contains(#"id="issue-op-revoked""#))
            #expect(!page.body.contains(#"id="issue-op""#) && !page.body.contains(#"id="set-desired""#))
            let unknown = try await browser.post("/ui/hosts/acme-nosuch/ops", DashboardOps.form("acme-nosuch", type: "reboot_host"), confirmed: true)
            #expect(unknown.status == 404)
            #expect(try await browser.post("/ui/hosts/acme-nosuch/ops", DashboardOps.form("acme-nosuch", type: "reboot_host")).status == 404)
        }
        #expect(try await fixture.hub.count("signed_ops") == 0)
    }

    @Test func theSectionListsOpsNewestFirstWithTheirResults() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let failed = try await fixture.issue(host.id, type: "run_backup", args: ["vmid": 102]).json["op_id"] as? String ?? ""
        _ = try await fixture.result(host, opID: failed, status: "failed", output: "disk <full>")
        let expired = try await fixture.issue(host.id, type: "reboot_host", ttl: 60).json["op_id"] as? String ?? ""
        fixture.hub.clock.advance(by: 61)
        let pending = try await fixture.issue(host.id, type: "upgrade_agent", args: ["version": "0.4.0"]).json["op_id"] as? String ?? ""
        try await fixture.hub.withClient { client in
            let page = try await DashboardBrowser.logIn(client).get("/ui/hosts/\(host.id)")
            let ops = try #require(DashboardHTML.element("table", id: "host-ops", in: page.body))
            let rows = ops.matches(of: #/<tr id="op-([^"]+)" data-status="([a-z]+)">/#).map { "\($0.output.1) \($0.output.2)" }
            #expect(rows == ["\(pending) pending", "\(expired) expired", "\(failed) failed"])
            #expect(ops.contains(#"<span class="state state-failed">failed</span>"#))
            #expect(ops.contains("<pre>disk &lt;full&gt;</pre>"))
            #expect(page.body.contains(#"<option value="upgrade_agent">upgrade_agent</option>"#))
        }
    }

    @Test func aSliceSwitchedOffShowsNoSectionAndTakesNoOp() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let off = try await fixture.hub.restarted(slices: SignedOpsFixture.slices, enabled: ["controller", "host-ingest"])
        try await off.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.status == 200)
            #expect(!page.body.contains(#"id="signed-ops""#))
            #expect(try await browser.post("/ui/hosts/\(host.id)/ops", DashboardOps.form(host.id, type: "reboot_host"), confirmed: true).status == 404)
            #expect(try await browser.post("/ui/hosts/\(host.id)/desired", [("desired", "{}")], confirmed: true).status == 404)
        }
        #expect(try await off.count("signed_ops") == 0)
    }
}

/// The host page's forms, as a browser posts them.
enum DashboardOps {
    static func form(_ hostID: String, type: String, args: String = "{}", ttl: String = "3600") -> [(String, String)] {
        [("return_to", "/ui/hosts/\(hostID)"), ("type", type), ("args", args), ("ttl_seconds", ttl)]
    }

    /// The page a redirect sends the browser to, with the notice it carries.
    static func follow(_ reply: HubClient.Reply, with browser: DashboardBrowser) async throws -> HubClient.Reply {
        let location = try #require(reply.headers[.location])
        let notice = try #require(DashboardBrowser.cookie("hub_notice", in: reply.headers))
        return try await browser.client.send(.get, location, headers: [.cookie: "hub_session=\(browser.sessionCookie); hub_notice=\(notice)"])
    }
}

/// Reading the dashboard's HTML in tests.
enum DashboardHTML {
    /// The element `<tag … id="id" …>…</tag>` (the first closing tag of its name: for
    /// elements that hold none of their own kind).
    static func element(_ tag: String, id: String, in html: String) -> String? {
        guard let start = html.range(of: "<\(tag) [^>]*id=\"\(id)\"", options: .regularExpression),
              let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
