import Foundation
import Kernel

/// The controller slice's part of the overview: controllers by reporting state,
/// customers active and blocked, and the webhook deliveries still owed. Each count
/// links to the customers it counts; the given-up deliveries to their events.
struct ControllerPanels: Sendable {
    let database: HubDatabase
    let clock: any HubClock
    let configuration: HubConfiguration

    /// A state or status, how many are in it, and the list of them.
    struct Count {
        let name: String
        let count: Int
        let href: String
        let elementID: String
    }

    struct Panels {
        let controllers: [Count]
        let controllerTotal: Int
        let customers: [Count]
        let customerTotal: Int
        let withWebhook: Int
        let pending: Int
        /// `nil` when nothing waits.
        let pendingCustomers: Int?
        let oldestPendingAge: String?
        let failed: Int
        let failedHref: String
    }

    var panel: OverviewPanel {
        OverviewPanel(position: 10) { request in
            let now = clock.now()
            let (census, customers, backlog) = try await database.read { db in
                (
                    try ControllerCensus.watch.census(in: db, now: now, configuration: configuration),
                    try CustomerCounts.read(in: db), try OutboxBacklog.read(in: db)
                )
            }
            let panels = Panels(
                controllers: census.byState.map { state, count in
                    Count(name: state, count: count, href: DashboardLink.to("/ui/customers", ["controller": state]), elementID: "controllers-\(state)")
                },
                controllerTotal: census.total,
                customers: [("active", customers.active), ("blocked", customers.blocked)].map { status, count in
                    Count(name: status, count: count, href: DashboardLink.to("/ui/customers", ["status": status]), elementID: "customers-\(status)")
                },
                customerTotal: customers.total, withWebhook: customers.withWebhook,
                pending: backlog.pending, pendingCustomers: backlog.customers > 0 ? backlog.customers : nil,
                oldestPendingAge: backlog.oldestPendingAt.map { ElapsedText.describe(now.timeIntervalSince($0.date)) },
                failed: backlog.failed,
                failedHref: DashboardLink.to("/ui/events", ["type": ControllerVocabulary.notificationFailed])
            )
            return Self.template.render(panels, for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="panel-controllers" aria-labelledby="panel-controllers-title">
        <h2 id="panel-controllers-title">Controllers</h2>
        <p><strong>{{controllerTotal}}</strong> controllers (one per customer), by their last report.</p>
        <dl class="figures">
        {{#controllers}}<dt><span class="state state-{{name}}">{{name}}</span></dt><dd><a href="{{href}}" id="{{elementID}}">{{count}}</a></dd>{{/controllers}}
        </dl>
        </section>
        <section class="panel" id="panel-customers" aria-labelledby="panel-customers-title">
        <h2 id="panel-customers-title">Customers</h2>
        <p><strong><a href="/ui/customers" id="customers-all">{{customerTotal}}</a></strong> customers, {{withWebhook}} with a webhook.</p>
        <dl class="figures">
        {{#customers}}<dt><span class="state state-{{name}}">{{name}}</span></dt><dd><a href="{{href}}" id="{{elementID}}">{{count}}</a></dd>{{/customers}}
        </dl>
        </section>
        <section class="panel" id="panel-webhooks" aria-labelledby="panel-webhooks-title">
        <h2 id="panel-webhooks-title">Webhook deliveries</h2>
        <dl class="figures">
        <dt>Waiting</dt><dd id="webhooks-pending">{{pending}}{{#pendingCustomers}} for {{pendingCustomers}} customer(s){{/pendingCustomers}}</dd>
        <dt>Oldest waiting</dt><dd id="webhooks-oldest">{{#oldestPendingAge}}{{oldestPendingAge}}{{/oldestPendingAge}}{{^oldestPendingAge}}<span class="muted">nothing waits</span>{{/oldestPendingAge}}</dd>
        <dt>Given up</dt><dd><a href="{{failedHref}}" id="webhooks-failed">{{failed}}</a></dd>
        </dl>
        </section>
        """)
}
