import Kernel

/// The cutover's part of the overview: the controller guests by reporting state, as the
/// fleet's dead-man's switch and `hub status` count them.
struct GuestPanel: Sendable {
    let database: HubDatabase
    let clock: any HubClock
    let configuration: HubConfiguration

    struct Count {
        let state: String
        let count: Int
    }

    var panel: OverviewPanel {
        OverviewPanel(position: 30) { request in
            let now = clock.now()
            let census = try await database.read { db in try GuestCensus.watch.census(in: db, now: now, configuration: configuration) }
            let counts = census.byState.map { Count(state: $0.state, count: $0.count) }
            return Self.template.render(["counts": counts, "total": census.total] as [String: Any], for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="panel-guests" aria-labelledby="panel-guests-title">
        <h2 id="panel-guests-title">Controller guests</h2>
        <p><strong>{{total}}</strong> guests whose controller reports, by their last report.</p>
        <dl class="figures">
        {{#counts}}<dt><span class="state state-{{state}}">{{state}}</span></dt><dd id="guests-{{state}}">{{count}}</dd>{{/counts}}
        </dl>
        </section>
        """)
}
