import Foundation
import Kernel

/// `/ui/hosts`: the fleet's hosts a page at a time, filtered by customer and state and
/// sorted by when each was last seen (newest first, or oldest first with `sort=oldest`).
struct HostsPage: Sendable {
    static let path = "/ui/hosts"
    static let perPage = 50

    let database: HubDatabase

    struct Row {
        let hostID: String
        let href: String
        let customerID: String
        let customerHref: String
        let label: String?
        let state: String
        let lastSeen: String?
        let agentVersion: String?
        let guests: String?
        let cpu: String?
        let memory: String?
        let disk: String?
    }

    struct Option {
        let value: String
        let selected: Bool
    }

    struct Page {
        let customer: String
        let states: [Option]
        let isOldestFirst: Bool
        let rows: [Row]
        let isEmpty: Bool
        let summary: String
        /// The last-seen column's header links to the other order.
        let reorderHref: String
        let ariaSort: String
        let firstHref: String?
        let previousHref: String?
        let nextHref: String?
        let lastHref: String?
        let pageNumber: Int
        let pageCount: Int
    }

    var page: DashboardPage {
        DashboardPage(Self.path, navigation: DashboardNavigation(label: "Hosts", position: 10)) { request in
            let customer = request.queryValue("customer")?.trimmingCharacters(in: .whitespaces)
            let listing = HostListing(
                customerID: customer?.isEmpty == false ? customer : nil, state: try HostState.filter(request.queryValue("state")),
                order: try HostListing.Order.parse(request.queryValue("sort"))
            )
            let (lines, pager) = try await database.read { db in
                let pager = DashboardPager(requested: request.queryValue("page"), perPage: Self.perPage, total: try listing.count(in: db))
                return (try listing.lines(limit: pager.perPage, offset: pager.offset, in: db), pager)
            }
            let link = { (page: Int?, order: HostListing.Order) in
                page.map { Self.link(listing, order: order, page: $0) }
            }
            let page = Page(
                customer: listing.customerID ?? "",
                states: HostState.allCases.map { Option(value: $0.rawValue, selected: $0 == listing.state) },
                isOldestFirst: listing.order == .oldest, rows: lines.map(Self.row), isEmpty: lines.isEmpty, summary: pager.summary,
                reorderHref: Self.link(listing, order: listing.order == .newest ? .oldest : .newest, page: nil),
                ariaSort: listing.order == .newest ? "descending" : "ascending",
                firstHref: pager.page > 2 ? link(1, listing.order) : nil, previousHref: link(pager.previous, listing.order),
                nextHref: link(pager.next, listing.order), lastHref: pager.page < pager.pageCount - 1 ? link(pager.pageCount, listing.order) : nil,
                pageNumber: pager.page, pageCount: pager.pageCount
            )
            return DashboardView(title: "Hosts", body: Self.template.render(page, for: request))
        }
    }

    /// This page with the same filters; `newest` and page 1 are left out, as the defaults.
    static func link(_ listing: HostListing, order: HostListing.Order, page: Int?) -> String {
        DashboardLink.to(path, [
            "customer": listing.customerID, "state": listing.state?.rawValue, "sort": order == .newest ? nil : order.rawValue,
            "page": page.flatMap { $0 == 1 ? nil : String($0) },
        ])
    }

    static func row(_ line: HostListing.Line) -> Row {
        Row(
            hostID: line.hostID, href: HostIngestSlice.hostPage(line.hostID), customerID: line.customerID,
            customerHref: "/ui/customers/" + DashboardLink.segment(line.customerID), label: line.label.isEmpty ? nil : line.label,
            state: line.state, lastSeen: line.lastReportAt.map(DashboardTime.display), agentVersion: line.agentVersion,
            guests: line.guestTotal.map { total in "\(line.guestRunning ?? 0) of \(total) running" },
            cpu: line.cpuPercent.map(Self.percent), memory: line.memPercent.map(Self.percent), disk: line.diskPercent.map(Self.percent)
        )
    }

    /// `42 %`: a figure of a report, to the nearest whole percent.
    static func percent(_ value: Double) -> String {
        "\(Int(value.rounded())) %"
    }

    static let template = DashboardTemplate("""
        <form method="get" action="/ui/hosts" class="filters" id="host-filters" role="search">
        <label for="filter-customer">Customer id <input id="filter-customer" name="customer" value="{{customer}}" autocomplete="off"></label>
        <label for="filter-state">State <select id="filter-state" name="state"><option value="">any</option>
        {{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/states}}
        </select></label>
        <label for="filter-sort">Sort by last seen <select id="filter-sort" name="sort">
        <option value="newest"{{^isOldestFirst}} selected{{/isOldestFirst}}>newest first</option>
        <option value="oldest"{{#isOldestFirst}} selected{{/isOldestFirst}}>oldest first</option>
        </select></label>
        <button type="submit">Filter</button> <a href="/ui/hosts">Clear</a>
        </form>
        <p id="hosts-summary" role="status">{{summary}}</p>
        <div class="table-scroll"><table class="data" id="hosts">
        <thead><tr><th scope="col">Host</th><th scope="col">Customer</th><th scope="col">Label</th><th scope="col">State</th>
        <th scope="col" aria-sort="{{ariaSort}}"><a href="{{reorderHref}}" id="hosts-reorder">Last seen (UTC)</a></th>
        <th scope="col">Agent</th><th scope="col">Guests</th><th scope="col" class="number">CPU</th><th scope="col" class="number">Memory</th><th scope="col" class="number">Disk</th></tr></thead>
        <tbody>
        {{#isEmpty}}<tr><td colspan="10" class="muted">No host matches.</td></tr>{{/isEmpty}}
        {{#rows}}<tr id="host-{{hostID}}" data-state="{{state}}">
        <td><a href="{{href}}">{{hostID}}</a></td><td><a href="{{customerHref}}">{{customerID}}</a></td>
        <td>{{#label}}{{label}}{{/label}}</td>
        <td><span class="state state-{{state}}">{{state}}</span></td>
        <td>{{#lastSeen}}{{lastSeen}}{{/lastSeen}}{{^lastSeen}}<span class="muted">never</span>{{/lastSeen}}</td>
        <td>{{#agentVersion}}{{agentVersion}}{{/agentVersion}}</td>
        <td>{{#guests}}{{guests}}{{/guests}}</td>
        <td class="number">{{#cpu}}{{cpu}}{{/cpu}}</td><td class="number">{{#memory}}{{memory}}{{/memory}}</td><td class="number">{{#disk}}{{disk}}{{/disk}}</td>
        </tr>
        {{/rows}}
        </tbody></table></div>
        <nav class="pager" aria-label="Pages" id="hosts-pager">
        {{#firstHref}}<a href="{{firstHref}}">First</a>{{/firstHref}}
        {{#previousHref}}<a href="{{previousHref}}" rel="prev">Previous</a>{{/previousHref}}
        <span>Page {{pageNumber}} of {{pageCount}}</span>
        {{#nextHref}}<a href="{{nextHref}}" rel="next">Next</a>{{/nextHref}}
        {{#lastHref}}<a href="{{lastHref}}">Last</a>{{/lastHref}}
        </nav>
        """)
}
