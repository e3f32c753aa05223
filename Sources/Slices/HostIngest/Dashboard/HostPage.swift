import Foundation
import Kernel

/// `/ui/hosts/{host_id}`: one host — its facts and state, its latest report's figures,
/// its guests, charts of its CPU, memory and disk use over the last day and week, its
/// newest events, then what later slices add (``HostIngestSlice/hostPageSections``:
/// its signed ops, the revoke button).
struct HostPage: Sendable {
    static let recentEvents = 20

    let store: HostStore
    let database: HubDatabase
    let clock: any HubClock
    let contributions: Contributions

    /// What the page reads of the database.
    struct Reading {
        let host: Host
        /// What the host dead-man's switch last recorded for the host, if anything.
        let recordedState: String?
        let guests: [GuestDetail]
        let charts: HostUsageCharts
        let events: [Event]
    }

    struct Figures {
        let reportedAt: String
        let receivedAt: String
        let agentVersion: String
        let cpu: String?
        let memory: String?
        let disk: String?
        let guests: String
        let cloudflared: String?
    }

    struct EventRow {
        let id: Int64
        let time: String
        let type: String
        let subject: String
        let details: String
    }

    struct Page {
        let hostID: String
        let customerID: String
        let customerHref: String
        let label: String?
        let state: String
        let created: String
        let lastReport: String?
        let agentVersion: String?
        let revoked: String?
        let figures: Figures?
        let guests: GuestTable
        let charts: String
        let events: [EventRow]
        let hasEvents: Bool
        let eventsHref: String
        let sections: String
    }

    var page: DashboardPage {
        DashboardPage(HostsPage.path + "/{host_id}") { request in
            let hostID = try request.parameter("host_id")
            let now = clock.now()
            let sources = contributions.all(for: HostIngestSlice.guestFacts)
            // One read for what the page finds of the host in the database; its latest
            // report is then read as the admin API reads it.
            let read = try await database.read { db -> Reading? in
                guard let host = try HostStore.host(hostID, in: db) else { return nil }
                return Reading(
                    host: host, recordedState: try SubjectStates.state(checker: HostState.checker, subject: hostID, in: db),
                    guests: try GuestDetail.all(hostID: hostID, sources: sources, in: db),
                    charts: try HostUsageCharts.read(hostID: hostID, now: now, in: db),
                    events: try HostEvents.newest(hostID: hostID, customerID: host.customerID, limit: Self.recentEvents, in: db)
                )
            }
            guard let read else { throw HubError.notFound("There is no host \(hostID).") }
            let host = read.host
            let latest = try await store.latestReport(hostID: hostID)
            var sections: [String] = []
            for section in contributions.all(for: HostIngestSlice.hostPageSections).sorted(by: { $0.position < $1.position }) {
                if let html = try await section.render(request) { sections.append(html) }
            }
            let page = Page(
                hostID: hostID, customerID: host.customerID, customerHref: "/ui/customers/" + DashboardLink.segment(host.customerID),
                label: host.label.isEmpty ? nil : host.label,
                state: HostAdminRoutes.staleness(host, read.recordedState.map { [hostID: $0] } ?? [:]),
                created: DashboardTime.display(host.createdAt), lastReport: host.lastReportAt.map(DashboardTime.display),
                agentVersion: host.agentVersion, revoked: host.revokedAt.map(DashboardTime.display),
                figures: latest.map(Self.figures), guests: GuestTable(read.guests),
                charts: HostUsageCharts.template.render(read.charts, for: request),
                events: read.events.map(Self.eventRow), hasEvents: !read.events.isEmpty,
                eventsHref: DashboardLink.to("/ui/events", ["customer": host.customerID]), sections: sections.joined(separator: "\n")
            )
            return DashboardView(title: "Host \(hostID)", body: Self.template.render(page, for: request))
        }
    }

    static func figures(_ report: ReportFigures) -> Figures {
        Figures(
            reportedAt: DashboardTime.display(report.reportedAt), receivedAt: DashboardTime.display(report.receivedAt),
            agentVersion: report.agentVersion, cpu: report.cpuPercent.map(HostsPage.percent),
            memory: report.memPercent.map(HostsPage.percent), disk: report.diskPercent.map(HostsPage.percent),
            guests: "\(report.guestRunning) of \(report.guestTotal) running", cloudflared: report.cloudflaredStatus
        )
    }

    static func eventRow(_ event: Event) -> EventRow {
        EventRow(
            id: event.id, time: DashboardTime.display(event.createdAt), type: event.type, subject: event.subject,
            details: (try? WireJSON.encodeString(event.payload)) ?? ""
        )
    }

    static let template = DashboardTemplate("""
        <div class="panels">
        <section class="panel" id="host-facts" aria-labelledby="host-facts-title">
        <h2 id="host-facts-title">Host</h2>
        <dl class="figures">
        <dt>Customer</dt><dd id="host-customer"><a href="{{customerHref}}">{{customerID}}</a></dd>
        <dt>Label</dt><dd id="host-label">{{#label}}{{label}}{{/label}}{{^label}}<span class="muted">none</span>{{/label}}</dd>
        <dt>State</dt><dd id="host-state"><span class="state state-{{state}}">{{state}}</span></dd>
        <dt>Created</dt><dd>{{created}}</dd>
        <dt>Last report</dt><dd id="host-last-report">{{#lastReport}}{{lastReport}}{{/lastReport}}{{^lastReport}}<span class="muted">never</span>{{/lastReport}}</dd>
        <dt>Agent version</dt><dd>{{#agentVersion}}{{agentVersion}}{{/agentVersion}}{{^agentVersion}}<span class="muted">unknown</span>{{/agentVersion}}</dd>
        {{#revoked}}<dt>Revoked</dt><dd id="host-revoked">{{revoked}}</dd>{{/revoked}}
        </dl>
        </section>

        <section class="panel" id="host-latest-report" aria-labelledby="host-latest-report-title">
        <h2 id="host-latest-report-title">Latest report</h2>
        {{#figures}}<dl class="figures">
        <dt>Reported at</dt><dd>{{reportedAt}}</dd>
        <dt>Received at</dt><dd>{{receivedAt}}</dd>
        <dt>Agent version</dt><dd>{{agentVersion}}</dd>
        <dt>CPU</dt><dd id="host-cpu">{{#cpu}}{{cpu}}{{/cpu}}{{^cpu}}<span class="muted">not reported</span>{{/cpu}}</dd>
        <dt>Memory</dt><dd id="host-memory">{{#memory}}{{memory}}{{/memory}}{{^memory}}<span class="muted">not reported</span>{{/memory}}</dd>
        <dt>Disk</dt><dd id="host-disk">{{#disk}}{{disk}}{{/disk}}{{^disk}}<span class="muted">not reported</span>{{/disk}}</dd>
        <dt>Guests</dt><dd>{{guests}}</dd>
        <dt>cloudflared</dt><dd>{{#cloudflared}}{{cloudflared}}{{/cloudflared}}{{^cloudflared}}<span class="muted">not reported</span>{{/cloudflared}}</dd>
        </dl>{{/figures}}
        {{^figures}}<p class="muted">No report is stored for this host.</p>{{/figures}}
        </section>
        </div>

        <section class="panel" id="host-usage" aria-labelledby="host-usage-title">
        <h2 id="host-usage-title">CPU, memory and disk</h2>
        {{{charts}}}
        </section>

        <section class="panel" id="host-guests" aria-labelledby="host-guests-title">
        <h2 id="host-guests-title">Guests</h2>
        {{#guests}}{{#isEmpty}}<p class="muted">The host has reported no guests.</p>{{/isEmpty}}
        {{^isEmpty}}<div class="table-scroll"><table class="data" id="guests">
        <thead><tr><th scope="col">VMID</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Controller</th><th scope="col">Last seen (UTC)</th>
        {{#headings}}<th scope="col">{{text}}</th>{{/headings}}</tr></thead>
        <tbody>
        {{#rows}}<tr id="guest-{{vmid}}"><td>{{vmid}}</td><td>{{#name}}{{name}}{{/name}}</td><td>{{#status}}{{status}}{{/status}}</td>
        <td>{{#controllerVersion}}{{controllerVersion}}{{/controllerVersion}}</td><td>{{#lastSeen}}{{lastSeen}}{{/lastSeen}}</td>
        {{#facts}}<td>{{#badge}}<span class="state state-{{badge}}">{{badge}}</span>{{/badge}}{{#text}}{{text}}{{/text}}</td>{{/facts}}</tr>
        {{/rows}}
        </tbody></table></div>{{/isEmpty}}{{/guests}}
        </section>

        <section class="panel" id="host-events-section" aria-labelledby="host-events-title">
        <h2 id="host-events-title">Events</h2>
        {{^hasEvents}}<p class="muted">No events about this host or its guests.</p>{{/hasEvents}}
        {{#hasEvents}}<div class="table-scroll"><table class="data" id="host-events">
        <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Type</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
        <tbody>{{#events}}<tr data-id="{{id}}"><td>{{time}}</td><td>{{type}}</td><td>{{subject}}</td><td><code>{{details}}</code></td></tr>{{/events}}</tbody>
        </table></div>{{/hasEvents}}
        <p><a href="{{eventsHref}}">All events of {{customerID}}</a></p>
        </section>
        {{{sections}}}
        """)
}
