/// `/ui/slices`: every slice the hub carries, whether it is enabled, its migrations with
/// when each was applied, and the plan of what is still to apply.
struct SlicesPage: Sendable {
    let hub: HubRuntime

    struct SliceRow {
        let name: String
        let number: Int
        let summary: String
        let enabled: Bool
        let requires: String?
        let migrations: [MigrationRow]
    }

    struct MigrationRow {
        let id: String
        let kind: String
        let appliedAt: String
    }

    struct PendingRow {
        let id: String
        let owner: String
        let kind: String
    }

    var pages: [DashboardPage] {
        [
            DashboardPage("/ui/slices", navigation: DashboardNavigation(label: "Slices", position: 70)) { request in
                let slices = try await hub.sliceReports().map { report in
                    SliceRow(
                        name: report.name, number: report.number, summary: report.summary, enabled: report.enabled,
                        requires: report.requires.isEmpty ? nil : report.requires.joined(separator: ", "),
                        migrations: report.migrations.map { MigrationRow(id: $0.id, kind: $0.kind, appliedAt: $0.appliedAt.map(DashboardTime.display) ?? "pending") }
                    )
                }
                let pending = try await hub.migrator.plan().map { PendingRow(id: $0.migration.id, owner: $0.owner, kind: $0.migration.kind.rawValue) }
                return DashboardView(
                    title: "Slices and migrations",
                    body: Self.template.render(["slices": slices, "pending": pending, "nothingPending": pending.isEmpty] as [String: Any], for: request)
                )
            },
        ]
    }

    static let template = DashboardTemplate("""
        <h2>Pending plan</h2>
        {{#nothingPending}}<p id="plan">Nothing to apply: the database is up to date.</p>{{/nothingPending}}
        {{^nothingPending}}<ol id="plan">{{#pending}}<li><code>{{id}}</code> ({{owner}}, {{kind}})</li>{{/pending}}</ol>{{/nothingPending}}
        {{#slices}}<section class="panel" id="slice-{{name}}">
        <h2>{{number}} · {{name}} <span class="state state-{{#enabled}}on{{/enabled}}{{^enabled}}off{{/enabled}}">{{#enabled}}enabled{{/enabled}}{{^enabled}}off{{/enabled}}</span></h2>
        <p>{{summary}}{{#requires}} (requires {{requires}}){{/requires}}</p>
        <div class="table-scroll"><table class="data"><thead><tr><th scope="col">Migration</th><th scope="col">Kind</th><th scope="col">Applied</th></tr></thead>
        <tbody>{{#migrations}}<tr><td><code>{{id}}</code></td><td>{{kind}}</td><td>{{appliedAt}}</td></tr>{{/migrations}}</tbody></table></div>
        </section>{{/slices}}
        """)
}
