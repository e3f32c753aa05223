import Kernel

/// The controller slice: the hub as it was before v0.7. Customers and their keys,
/// controller reports on `POST /api/v1/report`, the controller dead-man's switch and
/// the payment deadline.
public enum ControllerSlice {
    public static let slice = Slice(
        name: ControllerVocabulary.sliceName,
        number: 1,
        summary: "customers, controller reports, controller dead-man's switch, payment deadlines (the pre-v0.7 path)",
        migrations: ControllerSchema.migrations,
        flags: ControllerVocabulary.flags,
        eventTypes: ControllerVocabulary.eventTypes,
        prunedTables: [PruneTarget(table: "reports", timeColumn: "received_at")],
        assemble: { environment in
            let store = CustomerStore(database: environment.database, clock: environment.clock)
            let configuration = environment.configuration
            return SliceParts(
                routes: [
                    ReportRoute(writes: environment.writes, clock: environment.clock, pollIntervalSeconds: configuration.pollIntervalSeconds).route
                ] + CustomerAdminRoutes(store: store, flags: environment.flags, webhookTargets: WebhookTargetPolicy()).routes,
                authStrategies: [CustomerKeyStrategy(store: store)],
                checkers: [
                    DeadMansSwitch(
                        name: "controller_staleness", eventPrefix: ControllerVocabulary.stalenessPrefix,
                        subjectsSQL: "SELECT customer_id AS subject, customer_id, last_report_at AS last_seen_at FROM customer_configs",
                        staleAfter: configuration.staleAfter, downAfter: configuration.downAfter,
                        database: environment.database, events: environment.events
                    ),
                    DeadlineChecker(database: environment.database, events: environment.events, flags: environment.flags),
                ]
            )
        }
    )
}
