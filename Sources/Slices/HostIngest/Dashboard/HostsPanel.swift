import Kernel

/// The overview's hosts panel: how many hosts are in each state, each count a link to
/// the hosts table filtered to that state.
struct HostsPanel: Sendable {
    let database: HubDatabase

    struct Line {
        let state: String
        let count: Int
        let href: String
    }

    struct Panel {
        let total: Int
        let lines: [Line]
    }

    var panel: OverviewPanel {
        OverviewPanel(position: 20) { request in
            let counts = try await database.read { db in try HostStateCounts.read(customerID: nil, in: db) }
            let panel = Panel(total: counts.total, lines: HostState.allCases.map { state in
                Line(state: state.rawValue, count: counts[state], href: DashboardLink.to(HostsPage.path, ["state": state.rawValue]))
            })
            return Self.template.render(panel, for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="panel-hosts" aria-labelledby="panel-hosts-title">
        <h2 id="panel-hosts-title">Hosts</h2>
        <p><strong><a href="/ui/hosts" id="hosts-all">{{total}}</a></strong> hosts, by the state of each.</p>
        <dl class="figures">
        {{#lines}}<dt><span class="state state-{{state}}">{{state}}</span></dt><dd><a href="{{href}}" id="panel-hosts-{{state}}">{{count}}</a></dd>{{/lines}}
        </dl>
        </section>
        """)
}
