import ControllerSlice
import EnrollmentSlice
import HostIngestSlice
import Kernel
import SignedOpsSlice

/// Slice 10: the cutover, the roadmap's one destructive step. Its migration moves the
/// controller's legacy `reports` into `guest_reports` and drops `reports`; from then on
/// controllers report as guests with guest keys, hosts with host keys only, one
/// dead-man's switch watches hosts and guests, and operators set guests' desired specs.
/// Once applied it cannot be switched off (the kernel refuses the start).
package enum CutoverSlice {
    package static let slice = Slice(
        name: CutoverVocabulary.sliceName,
        number: 10,
        summary: "the cutover: controllers report as guests with guest keys, one dead-man's switch, the provisional paths retired",
        requires: [HostIngestVocabulary.sliceName, SignedOpsVocabulary.sliceName, EnrollmentVocabulary.sliceName],
        enabledByDefault: false,
        migrations: CutoverSchema.migrations,
        flagEffects: [.retires(HostIngestVocabulary.adminMint), .retires(HostIngestVocabulary.globalKeyBootstrap)],
        supersedes: [
            .route(.post, ControllerVocabulary.reportPath),
            .checker(ControllerVocabulary.stalenessChecker),
            .checker(HostIngestVocabulary.stalenessChecker),
            .prunedTable(LegacyReports.table),
        ],
        eventTypes: CutoverVocabulary.eventTypes,
        prunedTables: [PruneTarget(table: "guest_reports", timeColumn: "received_at")],
        metrics: [GuestCensus.watch.gauge],
        commands: [GuestsCommand.self],
        statusSections: [GuestCensus.watch.statusSection],
        api: CutoverAPI.description,
        assemble: { environment in
            let mint = GuestKeyMint(database: environment.database, clock: environment.clock, announceKeyChange: { environment.announceKeyChange() })
            let reports = GuestReportRoute(
                writes: environment.writes, clock: environment.clock, metrics: environment.metrics,
                pollIntervalSeconds: environment.settings[ControllerSettings.pollInterval]
            )
            environment.contributions.register(GuestReportFacts(), for: HostIngestSlice.guestFacts)
            _ = environment.metrics.counter(KernelMetrics.reportsStored, [("kind", "guest")])
            return SliceParts(
                routes: [reports.route, GuestDesiredRoute(database: environment.database).route] + GuestKeyRoutes(mint: mint).routes,
                authStrategies: [GuestKeyStrategy(database: environment.database)],
                checkers: [FleetStaleness(parts: [HostCensus.watch.checker(in: environment), GuestCensus.watch.checker(in: environment)])],
                samplers: [GuestCensus.watch.sampler(in: environment)],
                dashboard: CutoverDashboard(mint: mint).assemble(environment)
            )
        }
    )
}
