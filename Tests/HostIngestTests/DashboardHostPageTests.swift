import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// `/ui/hosts/{host_id}`: a host's facts, its latest report, its guests with what later
/// slices know of them, charts of its reports, its events and later slices' sections.
@Suite struct DashboardHostPageTests {
    @Test func theHostPageShowsItsFactsFiguresGuestsAndEvents() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await DashboardHostPageTests.mint(fixture, label: "rack 4, left")
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        fixture.hub.clock.advance(by: 1800)
        await fixture.hub.hub.ticker.tick()

        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>Host \(host.id)</h1>"))
            #expect(page.body.contains(#"<dd id="host-customer"><a href="/ui/customers/acme">acme</a></dd>"#))
            #expect(page.body.contains(#"<dd id="host-label">rack 4, left</dd>"#))
            #expect(page.body.contains(#"<dd id="host-state"><span class="state state-stale">stale</span></dd>"#))
            #expect(page.body.contains(#"<dd id="host-cpu">13 %</dd>"#) && page.body.contains(#"<dd id="host-disk">63 %</dd>"#))
            #expect(page.body.contains("1 of 2 running"))
            let guests = try #require(DashboardHTML.element("table", id: "guests", in: page.body))
            #expect(guests.contains(#"<tr id="guest-101"><td>101</td><td>felhom-ctl</td><td>running</td>"#))
            #expect(guests.contains(#"<tr id="guest-102"><td>102</td><td>media</td><td>stopped</td>"#))
            let events = try #require(DashboardHTML.element("table", id: "host-events", in: page.body))
            #expect(events.contains("<td>host_stale</td><td>\(host.id)</td>"))
            #expect(page.body.contains(#"<a href="/ui/events?customer=acme">All events of acme</a>"#))
        }
    }

    @Test func theEventsAreTheHostsAndItsGuestsNewestFirst() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let events = fixture.hub.runtime.events
        try await fixture.hub.database.write { db in
            try events.record(EventDraft(customerID: "acme", type: "host_stale", subject: host.id), in: db)
            try events.record(EventDraft(customerID: "acme", type: "host_down", subject: "\(host.id)/101", payload: ["note": .string("guest")]), in: db)
            // Another host whose id merely starts with this one's, and another customer's event.
            try events.record(EventDraft(customerID: "acme", type: "host_stale", subject: "\(host.id)9"), in: db)
            try events.record(EventDraft(customerID: "globex", type: "host_stale", subject: host.id), in: db)
        }
        try await fixture.hub.withClient { client in
            let page = try await DashboardBrowser.logIn(client).get("/ui/hosts/\(host.id)")
            let table = try #require(DashboardHTML.element("table", id: "host-events", in: page.body))
            let subjects = table.matches(of: #/<td>(host_[a-z]+)</td><td>([^<]+)</td>/#).map { "\($0.output.1) \($0.output.2)" }
            #expect(subjects == ["host_down \(host.id)/101", "host_stale \(host.id)"])
            #expect(table.contains("{&quot;note&quot;:&quot;guest&quot;}"))
        }
    }

    @Test func theChartsAverageTheReportsOfTheLastDayAndWeek() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let quiet = try await fixture.mintHost()
        // On the hour, so that buckets of 10 minutes and of an hour end now.
        fixture.hub.clock.set(Date(timeIntervalSince1970: 1_780_002_000))
        let now = fixture.hub.clock.now()
        // Every 5 minutes over the last 3 hours: CPU 10 and 30 by turns (20 on average per
        // 10 minutes), memory 50; three days ago CPU 90; ten days ago CPU 100, outside both.
        var reports: [(TimeInterval, Double)] = stride(from: 10_800.0, to: 0, by: -300).enumerated().map { index, ago in
            (ago, index.isMultiple(of: 2) ? 10 : 30)
        }
        reports += [(3 * 86_400, 90), (10 * 86_400, 100)]
        try await DashboardHostPageTests.seedReports(fixture.hub, hostID: host.id, now: now, reports: reports)

        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/hosts/\(host.id)")
            let day = try #require(DashboardHTML.element("svg", id: "chart-24h", in: page.body))
            #expect(day.contains(#"<polyline class="series-0" points=""#), "CPU is drawn as a line")
            #expect(day.contains(#"<polyline class="series-1" points=""#), "memory too")
            #expect(day.contains("<title id=\"chart-24h-title\">CPU, memory and disk use of host \(host.id), last 24 hours, in percent</title>"))
            #expect(day.contains("CPU: latest 20 %, highest 20 %; Memory: latest 50 %, highest 50 %; Disk: no readings"))
            #expect(DashboardHostPageTests.pointCount(day, series: 0) == 18, "3 hours of 10-minute buckets")

            let week = try #require(DashboardHTML.element("svg", id: "chart-7d", in: page.body))
            #expect(week.contains("CPU: latest 20 %, highest 90 %"), "the week holds the report of three days ago, not that of ten")
            #expect(week.contains(#"<circle class="series-0""#), "the lone report of three days ago is a dot")

            let empty = try await browser.get("/ui/hosts/\(quiet.id)")
            let nothing = try #require(DashboardHTML.element("svg", id: "chart-24h", in: empty.body))
            #expect(!nothing.contains("<polyline") && nothing.contains("CPU: no readings"))
            #expect(empty.body.contains("No reports in this window."))
        }
    }

    @Test func laterSlicesAddGuestFactsAndSectionsInTheirOrder() async throws {
        let fixture = try await HostIngestFixture.make(extraSlices: [HostPageToy.slice])
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        try await fixture.hub.withClient { client in
            let page = try await DashboardBrowser.logIn(client).get("/ui/hosts/\(host.id)")
            let guests = try #require(DashboardHTML.element("table", id: "guests", in: page.body))
            #expect(guests.contains(#"<th scope="col">Last report at</th><th scope="col">Staleness</th>"#))
            #expect(guests.contains(#"<td>2026-06-01 10:00:00</td><td><span class="state state-down">down</span></td>"#))
            let early = try #require(page.body.range(of: #"<section id="toy-early">"#))
            let late = try #require(page.body.range(of: #"<section id="toy-late">late \#(host.id)</section>"#))
            let events = try #require(page.body.range(of: #"id="host-events-section""#))
            #expect(events.lowerBound < early.lowerBound && early.lowerBound < late.lowerBound, "after the host's own parts, by position")
            #expect(!page.body.contains("toy-nothing"))
        }
    }

    @Test func anUnknownHostIsANotFoundPage() async throws {
        let fixture = try await HostIngestFixture.make()
        try await fixture.hub.withClient { client in
            let page = try await DashboardBrowser.logIn(client).get("/ui/hosts/acme-nosuch")
            #expect(page.status == 404)
            #expect(page.body.contains("There is no host acme-nosuch."))
            #expect(page.body.contains("<html"), "an error page inside the layout")
        }
    }

    @Test func markupInALabelACustomerOrAGuestNameIsShownAsText() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await DashboardHostPageTests.mint(fixture, label: "<script>alert(1)</script>")
        var report = HostIngestFixture.report(hostID: host.id)
        report["guests"] = [["vmid": 101, "name": "<img src=x onerror=alert(2)>", "status": "running"]]
        _ = try await fixture.sendReport(report, key: host.key)
        try await fixture.hub.database.write { db in
            try db.execute(sql: """
                INSERT INTO hosts (host_id, customer_id, label, api_key_hash, created_at, updated_at)
                VALUES ('evil-host', '<b onclick=alert(3)>x</b>', '', 'evil-hash', '2026-05-28T20:00:00.000Z', '2026-05-28T20:00:00.000Z')
                """)
        }
        try await fixture.hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            for path in ["/ui/hosts", "/ui/hosts/\(host.id)", "/ui/hosts/evil-host"] {
                let body = try await browser.get(path).body
                #expect(!body.contains("<script>alert") && !body.contains("<img src=x") && !body.contains("<b onclick"), "\(path)")
            }
            let table = try await browser.get("/ui/hosts")
            #expect(table.body.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
            #expect(table.body.contains(#"<a href="/ui/customers/%3Cb%20onclick%3Dalert%283%29%3Ex%3C%2Fb%3E">&lt;b onclick=alert(3)&gt;x&lt;/b&gt;</a>"#))
            let page = try await browser.get("/ui/hosts/\(host.id)")
            #expect(page.body.contains("<td>&lt;img src=x onerror=alert(2)&gt;</td>"))
        }
    }

    static func mint(_ fixture: HostIngestFixture, label: String) async throws -> (id: String, key: String) {
        try await fixture.hub.withClient { client in
            let reply = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme", "label": label])
            return (reply.json["host_id"] as? String ?? "", reply.json["api_key"] as? String ?? "")
        }
    }

    /// Host reports received `ago` seconds before `now` with the given CPU (and memory 50).
    static func seedReports(_ hub: TestHub, hostID: String, now: Date, reports: [(ago: TimeInterval, cpu: Double)]) async throws {
        try await hub.database.write { db in
            for report in reports.sorted(by: { $0.ago > $1.ago }) {
                let received = Timestamp(now.addingTimeInterval(-report.ago))
                try db.execute(sql: """
                    INSERT INTO host_reports (host_id, customer_id, reported_at, received_at, agent_version, cpu_percent, mem_percent,
                        disk_percent, guest_total, guest_running, raw_json)
                    VALUES (?, 'acme', ?, ?, '0.4.0', ?, 50, NULL, 0, 0, '{}')
                    """, arguments: [hostID, received, received, report.cpu])
            }
        }
    }

    /// How many points the polylines of series `series` join.
    static func pointCount(_ svg: String, series: Int) -> Int {
        svg.matches(of: #/<polyline class="series-(\d)" points="([^"]*)"/>/#)
            .filter { Int($0.output.1) == series }
            .reduce(0) { $0 + $1.output.2.split(separator: " ").count }
    }
}

/// A later slice, as signed-ops or the cutover are to host-ingest: it knows a fact of
/// each guest and adds sections to the host page (one that has nothing to show).
enum HostPageToy {
    struct Facts: GuestFactSource {
        func facts(forGuestsOf hostID: String, in db: any DatabaseSession) throws -> [String: [String: JSONValue]] {
            ["\(hostID)/101": ["staleness": .string("down"), "last_report_at": .string("2026-06-01T10:00:00.000Z")]]
        }
    }

    static let slice = Slice(name: "host-page-toy", number: 90, summary: "adds to the host page", requires: ["host-ingest"]) { environment in
        environment.contributions.register(Facts(), for: HostIngestSlice.guestFacts)
        environment.contributions.register(DashboardSection(position: 50) { request in
            #"<section id="toy-late">late \#(try request.parameter("host_id"))</section>"#
        }, for: HostIngestSlice.hostPageSections)
        environment.contributions.register(DashboardSection(position: 5) { _ in #"<section id="toy-early"></section>"# }, for: HostIngestSlice.hostPageSections)
        environment.contributions.register(DashboardSection(position: 7) { _ in nil }, for: HostIngestSlice.hostPageSections)
        return SliceParts()
    }
}
