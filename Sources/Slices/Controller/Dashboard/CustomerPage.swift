import Kernel

/// `/ui/customers/{customer_id}`: one customer — its account (status, paid_until,
/// webhook) with the forms that change it (``CustomerActions``, ``WebhookActions``), its
/// controller's reporting, its latest events, then what later slices add
/// (``ControllerSlice/customerPageSections``: its hosts, its enrollment tokens).
struct CustomerPage: Sendable {
    let store: CustomerStore
    let listing: CustomerListing
    let events: EventLog
    let contributions: Contributions

    static let recentEvents = 10

    static func path(_ customerID: String) -> String {
        ControllerSlice.customerPage(customerID)
    }

    struct EventRow {
        let time: String
        let type: String
        let subject: String
    }

    struct Page {
        let customerID: String
        let name: String?
        let status: String
        let isBlocked: Bool
        let paidUntil: String?
        let paidUntilValue: String
        let webhookURL: String?
        let created: String
        let updated: String
        let controllerState: String
        let lastReport: String?
        let eventsHref: String
        let events: [EventRow]
        let hasEvents: Bool
        let sections: String
        /// This page, where every form comes back to.
        let here: String
    }

    var page: DashboardPage {
        DashboardPage("/ui/customers/{customer_id}") { request in
            let customerID = try request.parameter("customer_id")
            guard let customer = try await store.customer(customerID) else { throw HubError.notFound("There is no customer \(customerID).") }
            let state = try await listing.controllerState(of: customerID)
            let recent = try await events.timeline(customerID: customerID, limit: Self.recentEvents)
            var sections: [String] = []
            for section in contributions.all(for: ControllerSlice.customerPageSections).sorted(by: { $0.position < $1.position }) {
                if let html = try await section.render(request) { sections.append(html) }
            }
            let page = Page(
                customerID: customerID, name: customer.name.isEmpty ? nil : customer.name, status: customer.status.rawValue,
                isBlocked: customer.status == .blocked, paidUntil: customer.paidUntil.map(DashboardTime.display),
                paidUntilValue: customer.paidUntil.map(DashboardTime.formInput) ?? "", webhookURL: customer.webhookURL,
                created: DashboardTime.display(customer.createdAt), updated: DashboardTime.display(customer.updatedAt),
                controllerState: state.rawValue, lastReport: customer.lastReportAt.map(DashboardTime.display),
                eventsHref: DashboardLink.to("/ui/events", ["customer": customerID]),
                events: recent.map { EventRow(time: DashboardTime.display($0.createdAt), type: $0.type, subject: $0.subject) },
                hasEvents: !recent.isEmpty, sections: sections.joined(separator: "\n"), here: Self.path(customerID)
            )
            return DashboardView(title: "Customer \(customerID)", body: Self.template.render(page, for: request))
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="customer-account" aria-labelledby="customer-account-title">
        <h2 id="customer-account-title">Account</h2>
        <dl class="figures">
        <dt>Name</dt><dd id="customer-name">{{#name}}{{name}}{{/name}}{{^name}}<span class="muted">none</span>{{/name}}</dd>
        <dt>Status</dt><dd id="customer-status"><span class="state state-{{status}}">{{status}}</span></dd>
        <dt>Paid until</dt><dd id="customer-paid-until">{{#paidUntil}}{{paidUntil}}{{/paidUntil}}{{^paidUntil}}<span class="muted">not set</span>{{/paidUntil}}</dd>
        <dt>Webhook</dt><dd id="customer-webhook">{{#webhookURL}}<code>{{webhookURL}}</code>{{/webhookURL}}{{^webhookURL}}<span class="muted">none: its events are not sent</span>{{/webhookURL}}</dd>
        <dt>Created</dt><dd>{{created}}</dd>
        <dt>Changed</dt><dd>{{updated}}</dd>
        </dl>
        </section>

        <section class="panel" id="customer-status-change" aria-labelledby="customer-status-title">
        <h2 id="customer-status-title">Status</h2>
        {{^isBlocked}}<form method="post" action="{{here}}/block" id="customer-block">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <p class="muted">A blocked customer's controller and hosts are told so at their next report, and no new host of it can enroll.</p>
        <button type="submit" class="danger">Block {{customerID}}</button></form>{{/isBlocked}}
        {{#isBlocked}}<form method="post" action="{{here}}/unblock" id="customer-unblock">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <button type="submit" class="primary">Unblock {{customerID}}</button></form>{{/isBlocked}}
        </section>

        <section class="panel" id="customer-payment" aria-labelledby="customer-payment-title">
        <h2 id="customer-payment-title">Paid until</h2>
        <form method="post" action="{{here}}/paid-until" class="stack" id="customer-paid-until-form">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="paid-until">Paid until (UTC; leave empty to clear)
        <input id="paid-until" name="paid_until" type="datetime-local" value="{{paidUntilValue}}"></label>
        <button type="submit">Save</button>
        </form>
        </section>

        <section class="panel" id="customer-webhook-settings" aria-labelledby="customer-webhook-title">
        <h2 id="customer-webhook-title">Webhook</h2>
        <form method="post" action="{{here}}/webhook" class="stack" id="customer-webhook-form">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="webhook-url">Webhook URL (http or https): the customer's events are posted there, signed
        <input id="webhook-url" name="webhook_url" type="url" required value="{{#webhookURL}}{{webhookURL}}{{/webhookURL}}"></label>
        <p class="muted">Setting the first URL, or one on another host, makes a new signing secret, shown once.</p>
        <button type="submit">Save the webhook URL</button>
        </form>
        {{#webhookURL}}<div>
        <form method="post" action="{{here}}/webhook/rotate" class="inline" id="customer-webhook-rotate">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}"><button type="submit">Rotate the signing secret</button></form>
        <form method="post" action="{{here}}/webhook/remove" class="inline" id="customer-webhook-remove">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}"><button type="submit" class="danger">Remove the webhook</button></form>
        </div>{{/webhookURL}}
        </section>

        <section class="panel" id="customer-controller" aria-labelledby="customer-controller-title">
        <h2 id="customer-controller-title">Controller</h2>
        <dl class="figures">
        <dt>Reporting</dt><dd><span class="state state-{{controllerState}}" id="controller-state">{{controllerState}}</span></dd>
        <dt>Last report</dt><dd id="controller-last-report">{{#lastReport}}{{lastReport}}{{/lastReport}}{{^lastReport}}<span class="muted">never</span>{{/lastReport}}</dd>
        </dl>
        </section>

        <section class="panel" id="customer-events" aria-labelledby="customer-events-title">
        <h2 id="customer-events-title">Latest events</h2>
        {{^hasEvents}}<p class="muted">No events yet.</p>{{/hasEvents}}
        {{#hasEvents}}<div class="table-scroll"><table class="data" id="customer-events-table">
        <thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Subject</th></tr></thead>
        <tbody>{{#events}}<tr><td>{{time}}</td><td>{{type}}</td><td>{{subject}}</td></tr>{{/events}}</tbody>
        </table></div>{{/hasEvents}}
        <p><a href="{{eventsHref}}" id="customer-all-events">All events of {{customerID}}</a></p>
        </section>
        {{{sections}}}
        """)
}
