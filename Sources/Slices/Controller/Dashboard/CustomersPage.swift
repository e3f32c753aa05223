import Kernel

/// `/ui/customers`: every customer with its status, payment, webhook and controller, a
/// page at a time, filtered by status, controller state and id or name; and the form
/// that adds a customer (``NewCustomerAction``).
struct CustomersPage: Sendable {
    let listing: CustomerListing

    struct Row {
        let customerID: String
        let href: String
        let name: String
        let status: String
        let paidUntil: String?
        let hasWebhook: Bool
        let controllerState: String
        let lastReport: String?
    }

    struct Option {
        let value: String
        let selected: Bool
    }

    struct Page {
        let text: String
        let statuses: [Option]
        let controllerStates: [Option]
        let rows: [Row]
        let isEmpty: Bool
        let summary: String
        let previousHref: String?
        let nextHref: String?
    }

    var page: DashboardPage {
        DashboardPage("/ui/customers", navigation: DashboardNavigation(label: "Customers", position: 20)) { request in
            let filter = try CustomerListing.Filter(request)
            let (lines, pager) = try await listing.page(filter, requestedPage: request.queryValue("page"))
            // A neighbouring page keeps the filter.
            let link = { (page: Int?) in
                page.map { number in
                    DashboardLink.to("/ui/customers", [
                        "q": filter.text, "status": filter.status?.rawValue, "controller": filter.controller?.rawValue, "page": String(number),
                    ])
                }
            }
            let page = Page(
                text: filter.text ?? "",
                statuses: [Customer.Status.active, .blocked].map { Option(value: $0.rawValue, selected: $0 == filter.status) },
                controllerStates: ControllerState.allCases.map { Option(value: $0.rawValue, selected: $0 == filter.controller) },
                rows: lines.map(Self.row), isEmpty: lines.isEmpty, summary: pager.summary,
                previousHref: link(pager.previous), nextHref: link(pager.next)
            )
            return DashboardView(title: "Customers", body: Self.template.render(page, for: request))
        }
    }

    static func row(_ line: CustomerListing.Line) -> Row {
        Row(
            customerID: line.customerID, href: CustomerPage.path(line.customerID), name: line.name, status: line.status.rawValue,
            paidUntil: line.paidUntil.map(DashboardTime.display), hasWebhook: line.hasWebhook, controllerState: line.controllerState,
            lastReport: line.lastReportAt.map(DashboardTime.display)
        )
    }

    static let template = DashboardTemplate("""
        <form method="get" action="/ui/customers" class="filters" id="customer-filters" role="search">
        <label for="filter-q">Customer id or name <input id="filter-q" name="q" value="{{text}}"></label>
        <label for="filter-status">Status <select id="filter-status" name="status"><option value="">any</option>
        {{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/statuses}}
        </select></label>
        <label for="filter-controller">Controller <select id="filter-controller" name="controller"><option value="">any</option>
        {{#controllerStates}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/controllerStates}}
        </select></label>
        <button type="submit">Filter</button> <a href="/ui/customers">Clear</a>
        </form>
        <div class="table-scroll"><table class="data" id="customers">
        <thead><tr><th scope="col">Customer</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Paid until</th><th scope="col">Webhook</th><th scope="col">Controller</th><th scope="col">Last report</th></tr></thead>
        <tbody>
        {{#isEmpty}}<tr><td colspan="7" class="muted">No customer matches.</td></tr>{{/isEmpty}}
        {{#rows}}<tr id="customer-{{customerID}}">
        <td><a href="{{href}}">{{customerID}}</a></td><td>{{name}}</td>
        <td><span class="state state-{{status}}">{{status}}</span></td>
        <td>{{#paidUntil}}{{paidUntil}}{{/paidUntil}}{{^paidUntil}}<span class="muted">not set</span>{{/paidUntil}}</td>
        <td>{{#hasWebhook}}set{{/hasWebhook}}{{^hasWebhook}}<span class="muted">none</span>{{/hasWebhook}}</td>
        <td><span class="state state-{{controllerState}}">{{controllerState}}</span></td>
        <td>{{#lastReport}}{{lastReport}}{{/lastReport}}{{^lastReport}}<span class="muted">never</span>{{/lastReport}}</td>
        </tr>
        {{/rows}}
        </tbody></table></div>
        <nav class="pager" aria-label="Pages">{{#previousHref}}<a href="{{previousHref}}" rel="prev">Previous</a>{{/previousHref}}
        <span>{{summary}}</span>{{#nextHref}}<a href="{{nextHref}}" rel="next">Next</a>{{/nextHref}}</nav>
        <section class="panel" aria-labelledby="new-customer-title">
        <h2 id="new-customer-title">Add a customer</h2>
        <form method="post" action="/ui/customers" class="stack" id="new-customer">
        {{> csrf}}<input type="hidden" name="return_to" value="/ui/customers">
        <label for="new-customer-id">Customer id (lowercase letters, digits and dashes)
        <input id="new-customer-id" name="customer_id" required pattern="[a-z0-9][a-z0-9-]{1,62}" autocomplete="off"></label>
        <label for="new-customer-name">Name <input id="new-customer-name" name="name" autocomplete="off"></label>
        <button type="submit" class="primary">Add the customer</button>
        </form>
        </section>
        """)
}
