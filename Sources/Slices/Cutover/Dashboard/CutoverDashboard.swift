import HostIngestSlice
import Kernel

/// What the cutover adds to the dashboard: the controller guests on the overview, and
/// the guest keys on each host's page (a section of host-ingest's page) with the change
/// its buttons post.
struct CutoverDashboard: Sendable {
    let mint: GuestKeyMint

    /// Registers the section; answers the panel and the action.
    func assemble(_ environment: SliceEnvironment) -> DashboardParts {
        let hosts = HostStore(database: environment.database, clock: environment.clock)
        environment.contributions.register(GuestKeysSection(hosts: hosts).section, for: HostIngestSlice.hostPageSections)
        return DashboardParts(
            actions: [GuestKeyAction(mint: mint).action],
            panels: [GuestPanel(database: environment.database, clock: environment.clock, configuration: environment.configuration).panel]
        )
    }
}
