import Foundation

/// `/ui/events`: the timeline of events, newest first, filtered by customer, type and
/// time. While it shows the newest events it is live: new ones appear on top as they
/// are recorded (`/ui/events/rows` answers the rows newer than the first shown).
struct EventsPage: Sendable {
    let events: EventLog
    static let pageSize = 100

    struct Filter {
        let customer: String?
        let type: String?
        let since: Timestamp?
        let until: Timestamp?
        let before: Int64?

        init(_ request: DashboardRequest) throws {
            customer = request.queryValue("customer")
            type = request.queryValue("type")
            since = try EventsPage.time(request.queryValue("since"), field: "since")
            until = try EventsPage.time(request.queryValue("until"), field: "until")
            before = try request.queryValue("before").map { text -> Int64 in
                guard let id = Int64(text), id > 0 else { throw HubError.badRequest("invalid_query", "before must be an event id") }
                return id
            }
        }
    }

    struct Row {
        let id: Int64
        let createdAt: String
        let customer: String
        let customerHref: String
        let type: String
        let subject: String
        let payload: String
    }

    struct TypeOption {
        let name: String
        let selected: Bool
    }

    struct Page {
        let customer: String
        let since: String
        let until: String
        let types: [TypeOption]
        /// The rows, drawn by ``rowsTemplate`` as the live part draws new ones.
        let rowsHTML: String
        let isEmpty: Bool
        let liveURL: String?
        let olderHref: String?
        let newestHref: String?
    }

    var pages: [DashboardPage] {
        [
            DashboardPage("/ui/events", navigation: DashboardNavigation(label: "Events", position: 50)) { request in
                let filter = try Filter(request)
                let found = try await events.timeline(
                    customerID: filter.customer, type: filter.type, since: filter.since, until: filter.until,
                    beforeID: filter.before, limit: Self.pageSize
                )
                let rows = found.map(Self.row)
                let query: KeyValuePairs<String, String?> = [
                    "customer": filter.customer, "type": filter.type, "since": filter.since.map(DashboardTime.formInput),
                    "until": filter.until.map(DashboardTime.formInput),
                ]
                let isNewest = filter.before == nil && filter.until == nil
                let page = Page(
                    customer: filter.customer ?? "", since: filter.since.map(DashboardTime.formInput) ?? "", until: filter.until.map(DashboardTime.formInput) ?? "",
                    types: events.types.map { TypeOption(name: $0, selected: $0 == filter.type) },
                    rowsHTML: Self.rowsTemplate.render(["rows": rows], for: request), isEmpty: rows.isEmpty,
                    liveURL: isNewest ? DashboardLink.to("/ui/events/rows", query) : nil,
                    olderHref: found.count == Self.pageSize ? found.last.map { last in
                        DashboardLink.to("/ui/events", ["customer": filter.customer, "type": filter.type, "since": filter.since.map(DashboardTime.formInput),
                                                        "until": filter.until.map(DashboardTime.formInput), "before": String(last.id)])
                    } : nil,
                    newestHref: isNewest ? nil : DashboardLink.to("/ui/events", ["customer": filter.customer, "type": filter.type, "since": filter.since.map(DashboardTime.formInput)])
                )
                return DashboardView(title: "Events", body: Self.template.render(page, for: request))
            },
            DashboardPage("/ui/events/rows") { request in
                let filter = try Filter(request)
                let afterID = try request.queryValue("after_id").map { text -> Int64 in
                    guard let id = Int64(text), id >= 0 else { throw HubError.badRequest("invalid_query", "after_id must be an event id") }
                    return id
                } ?? 0
                let found = try await events.timeline(
                    customerID: filter.customer, type: filter.type, since: filter.since, afterID: afterID, limit: Self.pageSize
                )
                return .fragment(Self.rowsTemplate.render(["rows": found.map(Self.row)], for: request))
            },
        ]
    }

    static func row(_ event: Event) -> Row {
        Row(
            id: event.id, createdAt: DashboardTime.display(event.createdAt), customer: event.customerID,
            customerHref: "/ui/customers/" + DashboardLink.segment(event.customerID), type: event.type, subject: event.subject,
            payload: (try? WireJSON.encodeString(event.payload)) ?? ""
        )
    }

    /// A filter's time; a value that is not one is the operator's mistake.
    static func time(_ text: String?, field: String) throws -> Timestamp? {
        guard let text else { return nil }
        guard let parsed = DashboardTime.parse(text) else {
            throw HubError.badRequest("invalid_query", "\(field) must be a date and time such as 2026-12-01T10:00")
        }
        return parsed
    }

    static let rowsTemplate = DashboardTemplate("""
        {{#rows}}<tr data-id="{{id}}"><td>{{createdAt}}</td><td><a href="{{customerHref}}">{{customer}}</a></td><td>{{type}}</td><td>{{subject}}</td><td><code>{{payload}}</code></td></tr>
        {{/rows}}
        """)

    static let template = DashboardTemplate("""
        <form method="get" action="/ui/events" class="filters" id="event-filters">
        <label for="filter-customer">Customer <input id="filter-customer" name="customer" value="{{customer}}"></label>
        <label for="filter-type">Type <select id="filter-type" name="type"><option value="">any</option>
        {{#types}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/types}}
        </select></label>
        <label for="filter-since">Since (UTC) <input id="filter-since" name="since" type="datetime-local" value="{{since}}"></label>
        <label for="filter-until">Until (UTC) <input id="filter-until" name="until" type="datetime-local" value="{{until}}"></label>
        <button type="submit">Filter</button> <a href="/ui/events">Clear</a>
        </form>
        {{#liveURL}}<p class="muted">Live: new events appear at the top.</p>{{/liveURL}}
        <div class="table-scroll"><table class="data" id="events">
        <thead><tr><th scope="col">Time</th><th scope="col">Customer</th><th scope="col">Type</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
        <tbody{{#liveURL}} data-live-url="{{liveURL}}" data-live-mode="prepend"{{/liveURL}}>
        {{#isEmpty}}<tr data-empty><td colspan="5" class="muted">No events match.</td></tr>{{/isEmpty}}
        {{{rowsHTML}}}
        </tbody></table></div>
        <nav class="pager" aria-label="Pages">{{#newestHref}}<a href="{{newestHref}}">Newest</a>{{/newestHref}}{{#olderHref}}<a href="{{olderHref}}" rel="next">Older</a>{{/olderHref}}</nav>
        """)
}
