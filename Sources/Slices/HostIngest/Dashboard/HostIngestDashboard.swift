import Kernel

/// What host-ingest adds to the dashboard: the hosts table, each host's page (where
/// later slices add their sections) and the overview's hosts panel. It only reads;
/// changes to a host come from the slices that own them (signed ops, revocation).
struct HostIngestDashboard: Sendable {
    let store: HostStore
    let environment: SliceEnvironment

    var parts: DashboardParts {
        DashboardParts(
            pages: [
                HostsPage(database: environment.database).page,
                HostPage(store: store, database: environment.database, clock: environment.clock, contributions: environment.contributions).page,
            ],
            panels: [HostsPanel(database: environment.database).panel]
        )
    }
}
