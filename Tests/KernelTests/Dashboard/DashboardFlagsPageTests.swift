import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// The flags page: every flag with its source and cohort, a change from the browser, and
/// the audit trail naming the session that made it.
@Suite struct DashboardFlagsPageTests {
    @Test func switchingAFlagForOneCustomerIsAuditedUnderTheSession() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let before = try await browser.get("/ui/flags")
            #expect(before.body.contains(#"id="flag-toy_cohort""#))
            #expect(before.body.contains("No flag has been changed at run time."))

            let done = try await browser.post("/ui/flags/toy_cohort", [("enabled", "on"), ("customers", "acme")])
            #expect(done.status == 303)
            let state = try await hub.runtime.flags.state(of: "toy_cohort")
            #expect(state.enabled && state.customers == ["acme"] && state.source == .runtime)

            let after = try await browser.get("/ui/flags")
            let session = try await hub.database.read { db in try String.fetchOne(db, sql: "SELECT session_id FROM kernel_dashboard_sessions") }
            #expect(after.body.contains("<td>session:\(try #require(session))</td>"))
            let audit = try await hub.runtime.flags.auditTrail(limit: 5)
            #expect(audit.first?.actor == "session:\(session ?? "")")
            #expect(audit.first?.newValueJSON.contains("acme") == true)
        }
    }

    @Test func aCohortNamingNoCustomerIsRefusedWithTheReason() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let refused = try await browser.post("/ui/flags/toy_cohort", [("enabled", "on"), ("customers", "nobody")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("nobody"))
            let unchosen = try await browser.post("/ui/flags/toy_switch", [("customers", "")])
            #expect(unchosen.status == 400)
            #expect(try await browser.post("/ui/flags/no_such_flag", [("enabled", "on")]).status == 404)
            #expect(try await hub.runtime.flags.auditTrail(limit: 5).isEmpty)
        }
    }
}
