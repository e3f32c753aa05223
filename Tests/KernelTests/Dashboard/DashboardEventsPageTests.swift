import Foundation
import GRDB
import HubTestSupport
import Kernel
import Testing

/// The events timeline: newest first, filtered by customer, type and time, and its live
/// part, which answers only what is newer than the newest row shown.
@Suite struct DashboardEventsPageTests {
    private func record(_ hub: TestHub, _ drafts: [EventDraft]) async throws {
        let events = hub.runtime.events
        try await hub.database.write { db in _ = try events.record(drafts, in: db) }
    }

    @Test func theTimelineFiltersAndShowsTheNewestFirst() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await record(hub, [
            EventDraft(customerID: "acme", type: "toy_happened", subject: "first"),
            EventDraft(customerID: "globex", type: "toy_happened", subject: "second"),
        ])
        hub.clock.advance(by: 3600)
        try await record(hub, [EventDraft(customerID: "acme", type: "toy_happened", subject: "third")])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let all = try await browser.get("/ui/events")
            let order = ["third", "second", "first"].map { all.body.range(of: "<td>\($0)</td>")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
            #expect(all.body.contains(#"data-live-url="/ui/events/rows""#))

            let acme = try await browser.get("/ui/events?customer=acme")
            #expect(acme.body.contains("<td>first</td>") && acme.body.contains("<td>third</td>") && !acme.body.contains("<td>second</td>"))

            let later = String(Timestamp(hub.clock.now().addingTimeInterval(-60)).description.prefix(16))
            let recent = try await browser.get("/ui/events?since=\(later)")
            #expect(recent.body.contains("<td>third</td>") && !recent.body.contains("<td>first</td>"))
            let bad = try await browser.get("/ui/events?since=yesterday")
            #expect(bad.status == 400)
            #expect(bad.body.contains("since must be a date and time"))
        }
    }

    @Test func theLivePartAnswersOnlyNewerEvents() async throws {
        let hub = try await TestHub(slices: [DashboardToys.slice(rung: Recorder())])
        try await record(hub, [EventDraft(customerID: "acme", type: "toy_happened", subject: "old")])
        try await hub.withClient { client in
            let browser = try await DashboardBrowser.logIn(client)
            let page = try await browser.get("/ui/events")
            let newest = try #require(page.body.range(of: #"<tr data-id=""#).map { page.body[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(try await browser.get("/ui/events/rows?after_id=\(newest)").body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            try await record(hub, [EventDraft(customerID: "acme", type: "toy_happened", subject: "new")])
            let rows = try await browser.get("/ui/events/rows?after_id=\(newest)")
            #expect(rows.body.contains("<td>new</td>"))
            #expect(!rows.body.contains("<td>old</td>"))
            #expect(!rows.body.contains("<html"), "a fragment comes without the layout")
        }
    }
}
