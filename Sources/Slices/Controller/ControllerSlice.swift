import Foundation
import Kernel

/// The controller slice: the hub as it was before v0.7. Customers and their keys,
/// controller reports on `POST /api/v1/report`, the controller dead-man's switch and
/// the payment deadline; since v0.7.1 also the delivery of each customer's events to
/// its webhook (an outbox filled in the events' own transactions, emptied by the
/// ``WebhookDispatcher`` service).
package enum ControllerSlice {
    /// What later slices, while enabled, show on a customer's dashboard page
    /// (`/ui/customers/{customer_id}`): its enrollment tokens.
    package static let customerPageSections = ContributionKey<DashboardSection>("controller.customer-page-sections")

    package static let slice = Slice(
        name: ControllerVocabulary.sliceName,
        number: 1,
        summary: "customers, controller reports, controller dead-man's switch, payment deadlines (the pre-v0.7 path)",
        migrations: ControllerSchema.migrations,
        flags: ControllerVocabulary.flags,
        eventTypes: ControllerVocabulary.eventTypes,
        prunedTables: [
            PruneTarget(table: "reports", timeColumn: "received_at"),
            // By when a delivery was settled (delivered, given up or cancelled): a pending
            // row has no finished_at, and NULL is never older than the cutoff, so the
            // prune never drops an event that is still owed, however long it has waited.
            PruneTarget(table: "webhook_outbox", timeColumn: "finished_at"),
        ],
        cohortMembers: CustomerDirectory(),
        settings: ControllerSettings.all,
        metrics: ControllerMetrics.all,
        commands: [CustomersCommand.self],
        statusSections: ControllerStatus.all,
        api: ControllerAPI.description,
        assemble: { environment in
            let store = CustomerStore(database: environment.database, clock: environment.clock)
            let configuration = environment.configuration
            let outbox = WebhookOutbox(database: environment.database, events: environment.events)
            let targets = WebhookTargetPolicy(ownAddresses: OwnAddresses.current(listenHost: configuration.listenHost))
            let dispatcher = WebhookDispatcher(
                outbox: outbox, flags: environment.flags, policy: targets, schedule: RetrySchedule(giveUpAfter: TimeInterval(environment.settings[ControllerSettings.giveUpAfter])),
                clock: environment.clock, metrics: environment.metrics, logger: environment.logger
            )
            // Created now, so a scrape shows the series at 0 before the first report.
            _ = environment.metrics.counter(KernelMetrics.reportsStored, [("kind", "controller")])
            let reports = ReportRoute(
                writes: environment.writes, clock: environment.clock, metrics: environment.metrics,
                pollIntervalSeconds: environment.settings[ControllerSettings.pollInterval]
            )
            return SliceParts(
                routes: [reports.route]
                    + CustomerAdminRoutes(store: store, flags: environment.flags, webhookTargets: targets).routes,
                authStrategies: [CustomerKeyStrategy(store: store)],
                checkers: [
                    ControllerCensus.watch.checker(in: environment),
                    DeadlineChecker(database: environment.database, events: environment.events, flags: environment.flags),
                ],
                leaderServices: [dispatcher],
                samplers: [ControllerCensus.watch.sampler(in: environment), OutboxGauge(database: environment.database)],
                eventListeners: [WebhookOutboxListener(outbox: outbox)],
                dashboard: ControllerDashboard(store: store, flags: environment.flags, webhookTargets: targets, environment: environment).parts
            )
        }
    )
}
