import Foundation

/// `/ui/`: the fleet at a glance. Each enabled slice adds its panel (``OverviewPanel``);
/// the kernel adds the last day's events and the slices with their flags. The panels
/// refresh themselves every 15 seconds.
struct OverviewPage: Sendable {
    let panels: [OverviewPanel]

    var pages: [DashboardPage] {
        [
            DashboardPage("/ui", navigation: DashboardNavigation(label: "Overview", position: 0)) { request in
                DashboardView(title: "Overview", body: Self.template.render(["panels": try await renderPanels(request)], for: request))
            },
            DashboardPage("/ui/overview/panels") { request in
                .fragment(try await renderPanels(request))
            },
        ]
    }

    private func renderPanels(_ request: DashboardRequest) async throws -> String {
        var rendered: [String] = []
        for panel in panels.sorted(by: { $0.position < $1.position }) {
            if let html = try await panel.render(request) { rendered.append(html) }
        }
        return rendered.joined(separator: "\n")
    }

    static let template = DashboardTemplate("""
        <div class="panels" id="overview" data-live-url="/ui/overview/panels" data-live-seconds="15">{{{panels}}}</div>
        """)
}

/// The kernel's panels on the overview: events of the last 24 hours by type, and the
/// slices with their flags.
struct KernelPanels: Sendable {
    let hub: HubRuntime

    struct EventCount {
        let type: String
        let count: Int
        let href: String
    }

    struct SliceLine {
        let name: String
        let flags: [FlagLine]
    }

    struct FlagLine {
        let name: String
        let state: String
        /// The badge's colour: `on`, `off` or `retired`.
        let badge: String
    }

    var panels: [OverviewPanel] {
        [
            OverviewPanel(position: 80) { request in
                let since = Timestamp(hub.clock.now().addingTimeInterval(-86_400))
                let counts = try await hub.events.countsByType(since: since).map { line in
                    EventCount(type: line.type, count: line.count, href: DashboardLink.to("/ui/events", ["type": line.type, "since": DashboardTime.formInput(since)]))
                }
                return Self.eventsTemplate.render(
                    ["counts": counts, "hasCounts": !counts.isEmpty, "total": counts.reduce(0) { $0 + $1.count }] as [String: Any], for: request
                )
            },
            OverviewPanel(position: 90) { request in
                let reports = try await hub.sliceReports().filter(\.enabled)
                let lines = reports.map { report in
                    SliceLine(name: report.name, flags: report.flags.map { flag in
                        let badge = flag.source == .retired ? "retired" : flag.enabled ? "on" : "off"
                        let cohort = flag.enabled && !flag.customers.isEmpty ? " for \(flag.customers.count) customer\(flag.customers.count == 1 ? "" : "s")" : ""
                        return FlagLine(name: flag.name, state: badge + cohort, badge: badge)
                    })
                }
                return Self.slicesTemplate.render(["slices": lines], for: request)
            },
        ]
    }

    static let eventsTemplate = DashboardTemplate("""
        <section class="panel" id="panel-events" aria-labelledby="panel-events-title">
        <h2 id="panel-events-title">Events, last 24 hours</h2>
        <p><strong>{{total}}</strong> events. <a href="/ui/events">Timeline</a></p>
        {{#hasCounts}}<table class="data"><thead><tr><th scope="col">Type</th><th scope="col" class="number">Count</th></tr></thead><tbody>
        {{#counts}}<tr><td><a href="{{href}}">{{type}}</a></td><td class="number">{{count}}</td></tr>{{/counts}}
        </tbody></table>{{/hasCounts}}
        </section>
        """)

    static let slicesTemplate = DashboardTemplate("""
        <section class="panel" id="panel-slices" aria-labelledby="panel-slices-title">
        <h2 id="panel-slices-title">Slices and flags</h2>
        <ul>
        {{#slices}}<li><strong>{{name}}</strong> {{#flags}}<code>{{name}}</code> <span class="state state-{{badge}}">{{state}}</span> {{/flags}}</li>{{/slices}}
        </ul>
        <p><a href="/ui/flags">Flags</a> · <a href="/ui/slices">Slices and migrations</a></p>
        </section>
        """)
}
