import ControllerSlice
import Kernel

/// Slice 3: host-domain ingest (v0.7.0). Hosts, guests and the host report stream; the
/// `/api/v1/host-report` heartbeat with per-host keys; the provisional host mint; the
/// host dead-man's switch. Purely additive: the controller path is untouched.
package enum HostIngestSlice {
    /// Fields later slices add to the answer to a host report, with their placeholders
    /// (declared whether or not the later slice is enabled).
    package static let envelopeFields = ContributionKey<EnvelopeField>("host-ingest.envelope-fields")
    /// Where later slices, while enabled, fill those fields for the hosts they speak for.
    package static let envelopeSources = ContributionKey<any ControlEnvelopeSource>("host-ingest.envelope-sources")
    /// What later slices, while enabled, add to each guest of a host's detail.
    package static let guestFacts = ContributionKey<any GuestFactSource>("host-ingest.guest-facts")
    /// What later slices, while enabled, show on a host's dashboard page
    /// (`/ui/hosts/{host_id}`): its signed ops, the revoke button.
    package static let hostPageSections = ContributionKey<DashboardSection>("host-ingest.host-page-sections")

    package static let slice = Slice(
        name: HostIngestVocabulary.sliceName,
        number: 3,
        summary: "host-domain ingest: hosts, guests, host reports, per-host keys, host dead-man's switch",
        requires: [ControllerVocabulary.sliceName],
        migrations: HostIngestSchema.migrations,
        flags: HostIngestVocabulary.flags,
        eventTypes: HostIngestVocabulary.eventTypes,
        prunedTables: [PruneTarget(table: "host_reports", timeColumn: "received_at")],
        metrics: HostIngestMetrics.all,
        commands: [HostsCommand.self],
        statusSections: [HostCensus.watch.statusSection],
        api: HostIngestAPI.description,
        assemble: { environment in
            let store = HostStore(database: environment.database, clock: environment.clock)
            let writer = HostReportWriter(store: store, writes: environment.writes, logger: environment.logger, metrics: environment.metrics)
            let ingest = HostReportRoute(
                store: store, writer: writer, flags: environment.flags, clock: environment.clock,
                contributions: environment.contributions,
                envelopeLayout: EnvelopeLayout(fields: environment.contributions.all(for: envelopeFields)),
                metrics: environment.metrics,
                pollIntervalSeconds: environment.settings[ControllerSettings.pollInterval]
            )
            // Created now, so a scrape shows the series at 0 before the first report.
            _ = environment.metrics.counter(KernelMetrics.reportsStored, [("kind", "host")])
            _ = environment.metrics.timer(HostIngestMetrics.ingestDuration)
            _ = environment.metrics.histogram(KernelMetrics.ingestBatchSize)
            environment.contributions.register(
                CustomerHostsSection(database: environment.database).section, for: ControllerSlice.customerPageSections
            )
            return SliceParts(
                routes: [ingest.route] + HostAdminRoutes(store: store, database: environment.database, contributions: environment.contributions).routes,
                authStrategies: [HostKeyStrategy(store: store)],
                checkers: [HostCensus.watch.checker(in: environment)],
                samplers: [HostCensus.watch.sampler(in: environment)],
                dashboard: HostIngestDashboard(store: store, environment: environment).parts
            )
        }
    )
}
