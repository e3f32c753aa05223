import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// `/ui/hosts` and the overview's hosts panel: the table filters by customer and state,
/// sorts by last seen and pages; each host's state there is the one the admin API
/// reports; a query it cannot read is a 400 that says why.
@Suite struct DashboardHostsTableTests {
    /// Two hosts of acme that reported; half an hour later one reports again, the other
    /// has gone silent and the dead-man's switch has called it stale.
    func silentAndBusyHosts(_ fixture: HostIngestFixture) async throws -> (silent: (id: String, key: String), busy: (id: String, key: String)) {
        let silent = try await fixture.mintHost()
        let busy = try await fixture.mintHost()
        for host in [silent, busy] { _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key) }
        fixture.hub.clock.advance(by: 1800)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: busy.id), key: busy.key)
        await fixture.hub.hub.ticker.tick()
        return (silent, busy)
    }

    @Test func theStateFilterShowsTheStaleHostAndNotTheOkOne() async throws {
        let fixture = try await HostIngestFixture.make()
        let (silent, busy) = try await silentAndBusyHosts(fixture)

        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let stale = try await browser.get("/ui/hosts?state=stale")
            #expect(stale.status == 200)
            #expect(DashboardHTML.hostRows(stale.body).map(\.id) == [silent.id])
            #expect(DashboardHTML.hostRows(stale.body).map(\.state) == ["stale"])
            #expect(stale.body.contains(#"<option value="stale" selected>"#), "the filter shows what it filters by")

            let ok = try await browser.get("/ui/hosts?state=ok")
            #expect(DashboardHTML.hostRows(ok.body).map(\.id) == [busy.id])

            let all = try await browser.get("/ui/hosts")
            #expect(Set(DashboardHTML.hostRows(all.body).map(\.id)) == [silent.id, busy.id])
            #expect(all.body.contains(#"<a href="/ui/hosts/\#(busy.id)">\#(busy.id)</a>"#))
            #expect(all.body.contains(#"<a href="/ui/customers/acme">acme</a>"#))
        }
    }

    @Test func aCustomersPageCountsItsHostsByStateWithLinksToThem() async throws {
        let fixture = try await HostIngestFixture.make()
        _ = try await silentAndBusyHosts(fixture)
        _ = try await fixture.mintHost()

        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/customers/acme")
            #expect(page.body.contains(#"<a href="/ui/hosts?customer=acme" id="customer-hosts">3 hosts</a>"#))
            #expect(page.body.contains(#"<span class="state state-stale">stale</span> <a href="/ui/hosts?customer=acme&amp;state=stale">1</a>"#))
            #expect(page.body.contains(#"<span class="state state-never">never</span> <a href="/ui/hosts?customer=acme&amp;state=never">1</a>"#))
            #expect(!page.body.contains(">down</span>"), "a state no host is in is left out")
        }
    }

    @Test func theCustomerFilterShowsOnlyThatCustomersHosts() async throws {
        let fixture = try await HostIngestFixture.make()
        _ = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "globex"])
        }
        let acme = try await fixture.mintHost(customer: "acme")
        let globex = try await fixture.mintHost(customer: "globex")
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts?customer=globex")
            #expect(DashboardHTML.hostRows(page.body).map(\.id) == [globex.id])
            #expect(DashboardHTML.hostRows(page.body).map(\.state) == ["never"])
            #expect(page.body.contains(#"name="customer" value="globex""#))
            let none = try await browser.get("/ui/hosts?customer=initech")
            #expect(DashboardHTML.hostRows(none.body).isEmpty)
            #expect(none.body.contains("No host matches."))
            #expect(!acme.id.isEmpty)
        }
    }

    @Test func theTableSortsByLastSeenAndPagesFiftyAtATime() async throws {
        let fixture = try await HostIngestFixture.make()
        let now = fixture.hub.clock.now()
        // 120 hosts seen a minute apart (host-000 most recently), and one never seen.
        try await DashboardSeed.hosts(fixture.hub, count: 120, customer: "acme", now: now)
        try await DashboardSeed.hosts(fixture.hub, count: 1, customer: "acme", prefix: "acme-unseen", now: nil)

        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let first = try await browser.get("/ui/hosts")
            let firstIDs = DashboardHTML.hostRows(first.body).map(\.id)
            #expect(firstIDs.count == 50)
            #expect(firstIDs.prefix(3) == ["acme-seen-000", "acme-seen-001", "acme-seen-002"])
            #expect(first.body.contains("1–50 of 121"))
            #expect(first.body.contains(#"href="/ui/hosts?page=2" rel="next""#))

            let third = try await browser.get("/ui/hosts?page=3")
            let thirdIDs = DashboardHTML.hostRows(third.body).map(\.id)
            #expect(thirdIDs.count == 21)
            #expect(thirdIDs.last == "acme-unseen-000", "a host never seen comes last, newest first")
            #expect(third.body.contains(#"rel="prev""#) && !third.body.contains(#"rel="next""#))

            let oldest = try await browser.get("/ui/hosts?sort=oldest")
            let oldestIDs = DashboardHTML.hostRows(oldest.body).map(\.id)
            #expect(oldestIDs.prefix(3) == ["acme-unseen-000", "acme-seen-119", "acme-seen-118"])
            #expect(oldest.body.contains(#"<option value="oldest" selected>"#))
            #expect(oldest.body.contains(#"href="/ui/hosts?sort=oldest&amp;page=2" rel="next""#), "paging keeps the sort")

            let stateAndPage = try await browser.get("/ui/hosts?state=ok&page=2")
            #expect(DashboardHTML.hostRows(stateAndPage.body).count == 50)
            #expect(stateAndPage.body.contains("51–100 of 120"))

            let pastTheEnd = try await browser.get("/ui/hosts?page=99")
            #expect(DashboardHTML.hostRows(pastTheEnd.body).map(\.id) == thirdIDs, "a page past the end shows the last one")
        }
    }

    @Test func eachHostsStateIsTheOneTheAdminAPIReports() async throws {
        let fixture = try await HostIngestFixture.make()
        let ok = try await fixture.mintHost()
        let stale = try await fixture.mintHost()
        let down = try await fixture.mintHost()
        let never = try await fixture.mintHost()
        let revoked = try await fixture.mintHost()
        for host in [ok, stale, down, revoked] { _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key) }
        fixture.hub.clock.advance(by: 1800)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: stale.id), key: stale.key)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: ok.id), key: ok.key)
        await fixture.hub.hub.ticker.tick()
        fixture.hub.clock.advance(by: 1800)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: ok.id), key: ok.key)
        await fixture.hub.hub.ticker.tick()
        // Revoked after it went down: it keeps the recorded `down`, but counts as revoked.
        let store = HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock)
        _ = try await fixture.hub.database.write { db in try store.revoke(hostID: revoked.id, in: db) }

        try await fixture.hub.withClient { client in
            let api = try await client.send(.get, "/api/v1/admin/hosts", key: TestHub.globalKey)
            let apiStates = Dictionary(uniqueKeysWithValues: (api.json["hosts"] as? [[String: Any]] ?? []).map {
                ($0["host_id"] as? String ?? "", $0["staleness"] as? String ?? "")
            })
            let browser = try await DashboardBrowser.logIn(client)
            let table = try await browser.get("/ui/hosts")
            let tableStates = Dictionary(uniqueKeysWithValues: DashboardHTML.hostRows(table.body).map { ($0.id, $0.state) })
            #expect(tableStates == apiStates)
            #expect(tableStates == [ok.id: "ok", stale.id: "stale", down.id: "down", never.id: "never", revoked.id: "revoked"])
            for state in ["ok", "stale", "down", "never", "revoked"] {
                let filtered = try await browser.get("/ui/hosts?state=\(state)")
                #expect(DashboardHTML.hostRows(filtered.body).map(\.id) == tableStates.filter { $0.value == state }.map(\.key), "state=\(state)")
                #expect(filtered.body.contains("1–1 of 1"), "state=\(state)")
            }

            let overview = try await browser.get("/ui/")
            let panel = try #require(DashboardHTML.element("section", id: "panel-hosts", in: overview.body))
            #expect(panel.contains(#"<strong><a href="/ui/hosts" id="hosts-all">5</a></strong> hosts"#))
            for state in ["ok", "stale", "down", "never", "revoked"] {
                #expect(panel.contains(#"<a href="/ui/hosts?state=\#(state)" id="panel-hosts-\#(state)">1</a>"#), "\(state)")
            }
        }
    }

    @Test func thePanelCountsTheFleetByState() async throws {
        let fixture = try await HostIngestFixture.make()
        let now = fixture.hub.clock.now()
        try await DashboardSeed.hosts(fixture.hub, count: 30, customer: "acme", now: now)
        try await DashboardSeed.hosts(fixture.hub, count: 4, customer: "acme", prefix: "acme-unseen", now: nil)
        try await fixture.hub.database.write { db in
            for index in 0..<7 {
                try SubjectStates.record(checker: HostIngestVocabulary.stalenessChecker, subject: String(format: "acme-seen-%03d", index),
                                         customerID: "acme", state: index < 5 ? "stale" : "down", now: Timestamp(now).text, in: db)
            }
            // A host that recovered keeps a row that says so.
            try SubjectStates.record(checker: HostIngestVocabulary.stalenessChecker, subject: "acme-seen-010", customerID: "acme", state: "ok",
                                     now: Timestamp(now).text, in: db)
        }
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let panel = try #require(DashboardHTML.element("section", id: "panel-hosts", in: try await browser.get("/ui/").body))
            #expect(["ok", "stale", "down", "never", "revoked"].map { DashboardHTML.panelCount($0, in: panel) } == [23, 5, 2, 4, 0])
            // The live refresh of the overview carries the panel too.
            #expect(try await browser.get("/ui/overview/panels").body.contains(#"id="panel-hosts""#))
        }
    }

    @Test func aQueryTheTableCannotReadIsA400ThatSaysWhy() async throws {
        let fixture = try await HostIngestFixture.make()
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let state = try await browser.get("/ui/hosts?state=sleepy")
            #expect(state.status == 400)
            #expect(state.body.contains("state must be any, ok, stale, down, never, revoked"))
            let sort = try await browser.get("/ui/hosts?sort=sideways")
            #expect(sort.status == 400)
            #expect(sort.body.contains("sort must be newest or oldest"))
            #expect(try await browser.get("/ui/hosts?state=any&page=abc").status == 200, "any state and a page that is no number are the defaults")
        }
    }

    @Test func hostsAreListedOnlyToALoggedInOperator() async throws {
        let fixture = try await HostIngestFixture.make()
        try await fixture.hub.withClient { client in
            let anonymous = try await client.send(.get, "/ui/hosts")
            #expect(anonymous.status == 303)
            #expect(anonymous.headers[.location]?.hasPrefix("/ui/login") == true)
        }
    }
}

/// Hosts written straight into the database, for tables too long to build through the API.
enum DashboardSeed {
    /// `count` hosts `<prefix>-000`, `<prefix>-001`, …, seen a minute apart before `now`
    /// (the first most recently), or never seen when `now` is `nil`.
    static func hosts(_ hub: TestHub, count: Int, customer: String, prefix: String? = nil, now: Date?) async throws {
        let prefix = prefix ?? "\(customer)-seen"
        try await hub.database.write { db in
            for index in 0..<count {
                let hostID = "\(prefix)-" + String(format: "%03d", index)
                let seen = now.map { Timestamp($0.addingTimeInterval(-60 * Double(index + 1))) }
                try db.execute(sql: """
                    INSERT INTO hosts (host_id, customer_id, label, api_key_hash, agent_version, last_report_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [hostID, customer, "pve \(index)", "hash-\(hostID)", seen == nil ? nil : "0.4.0", seen,
                                     Timestamp(hub.clock.now()), Timestamp(hub.clock.now())])
            }
        }
    }
}

/// Reading the dashboard's HTML in tests.
enum DashboardHTML {
    struct HostRow: Equatable {
        let id: String
        let state: String
    }

    /// The rows of the hosts table, in order.
    static func hostRows(_ html: String) -> [HostRow] {
        html.matches(of: #/<tr id="host-([^"]+)" data-state="([a-z]+)">/#).map { HostRow(id: String($0.output.1), state: String($0.output.2)) }
    }

    /// The element `<tag … id="id" …>…</tag>` (the first closing tag of its name: for
    /// elements that hold none of their own kind).
    static func element(_ tag: String, id: String, in html: String) -> String? {
        guard let start = html.range(of: "<\(tag) [^>]*id=\"\(id)\"", options: .regularExpression),
              let end = html.range(of: "</\(tag)>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The count beside `state` in the overview's hosts panel.
    static func panelCount(_ state: String, in panel: String) -> Int? {
        element("a", id: "panel-hosts-\(state)", in: panel)?.firstMatch(of: #/>(\d+)</a>/#).flatMap { Int($0.output.1) }
    }
}
