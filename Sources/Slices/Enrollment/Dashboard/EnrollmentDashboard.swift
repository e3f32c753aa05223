import ControllerSlice
import HostIngestSlice
import Kernel

/// What enrollment adds to the dashboard: the enrollment tokens on each customer's page
/// and the revoke form on each host's page (sections of the controller's and
/// host-ingest's pages), and the changes those forms post.
struct EnrollmentDashboard: Sendable {
    let tokens: TokenStore
    let hosts: HostStore
    let revocation: HostRevocation
    let announceKeyChange: @Sendable () -> Void

    /// Registers the sections; answers the actions.
    func assemble(_ environment: SliceEnvironment) -> DashboardParts {
        environment.contributions.register(
            EnrollmentTokensSection(tokens: tokens, clock: environment.clock).section, for: ControllerSlice.customerPageSections
        )
        environment.contributions.register(HostRevocationSection(hosts: hosts).section, for: HostIngestSlice.hostPageSections)
        return DashboardParts(
            actions: EnrollmentTokenActions(tokens: tokens).actions
                + [HostRevocationAction(revocation: revocation, announceKeyChange: announceKeyChange).action]
        )
    }
}
