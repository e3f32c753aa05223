import ControllerSlice
import Kernel

/// Slice 3: host-domain ingest (v0.7.0). Hosts, guests and the host report stream; the
/// `/api/v1/host-report` heartbeat with per-host keys; the provisional host mint; the
/// host dead-man's switch. Purely additive: the controller path is untouched.
public enum HostIngestSlice {
    /// Where later slices plug into the control envelope.
    public static let controlSources = ContributionKey<any ControlEnvelopeSource>("host-ingest.control-envelope")

    public static let slice = Slice(
        name: HostIngestVocabulary.sliceName,
        number: 3,
        summary: "host-domain ingest: hosts, guests, host reports, per-host keys, host dead-man's switch",
        requires: [ControllerVocabulary.sliceName],
        migrations: HostIngestSchema.migrations,
        flags: HostIngestVocabulary.flags,
        eventTypes: HostIngestVocabulary.eventTypes,
        prunedTables: [PruneTarget(table: "host_reports", timeColumn: "received_at")],
        assemble: { environment in
            let store = HostStore(database: environment.database, clock: environment.clock)
            let configuration = environment.configuration
            let writer = HostReportWriter(store: store, writes: environment.writes, logger: environment.logger, metrics: environment.metrics)
            let ingest = HostReportRoute(
                store: store, writer: writer, flags: environment.flags, clock: environment.clock,
                contributions: environment.contributions, metrics: environment.metrics,
                pollIntervalSeconds: configuration.pollIntervalSeconds
            )
            // Created now, so a scrape shows the series at 0 before the first report.
            _ = environment.metrics.counter(MetricName.reportsStored, [("kind", "host")])
            _ = environment.metrics.timer(MetricName.ingestDuration)
            _ = environment.metrics.histogram(MetricName.ingestBatchSize)
            return SliceParts(
                routes: [ingest.route] + HostAdminRoutes(store: store, database: environment.database).routes,
                authStrategies: [HostKeyStrategy(store: store)],
                checkers: [
                    DeadMansSwitch(
                        name: HostIngestVocabulary.stalenessChecker, eventPrefix: HostIngestVocabulary.stalenessPrefix,
                        subjectsSQL: HostStore.stalenessSubjectsSQL,
                        staleAfter: configuration.staleAfter, downAfter: configuration.downAfter,
                        database: environment.database, events: environment.events
                    ),
                ],
                samplers: [HostGauges(database: environment.database, clock: environment.clock, configuration: configuration)]
            )
        }
    )
}
