import ControllerSlice
import Kernel

/// A customer's hosts on its dashboard page: how many are in each state, each count a
/// link to the hosts table filtered to the customer and that state. Host-ingest adds it
/// to the controller's page, since the controller comes first on the roadmap and knows
/// nothing of hosts.
struct CustomerHostsSection: Sendable {
    let database: HubDatabase

    struct Line {
        let state: String
        let count: Int
        let href: String
    }

    struct Section {
        let total: Int
        let allHref: String
        let lines: [Line]
    }

    var section: DashboardSection {
        DashboardSection(position: 5) { request in
            let customerID = try request.parameter("customer_id")
            let counts = try await database.read { db in try HostStateCounts.read(customerID: customerID, in: db) }
            let section = Section(
                total: counts.total, allHref: DashboardLink.to(HostsPage.path, ["customer": customerID]),
                lines: HostState.allCases.filter { counts[$0] > 0 }.map { state in
                    Line(state: state.rawValue, count: counts[state], href: DashboardLink.to(HostsPage.path, ["customer": customerID, "state": state.rawValue]))
                }
            )
            return Self.template.render(section, for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="customer-hosts-section" aria-labelledby="customer-hosts-title">
        <h2 id="customer-hosts-title">Hosts</h2>
        <p><a href="{{allHref}}" id="customer-hosts">{{total}} hosts</a>{{#lines}} · <span class="state state-{{state}}">{{state}}</span> <a href="{{href}}">{{count}}</a>{{/lines}}</p>
        </section>
        """)
}
