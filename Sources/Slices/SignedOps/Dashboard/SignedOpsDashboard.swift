import HostIngestSlice
import Kernel

/// What signed-ops adds to the dashboard: a section on each host's page (its desired
/// state and ops) and the two changes made from there, through the same ``OpIssuer``
/// and ``DesiredStateWriter`` as the admin API, so a change made here is the change the
/// API would make.
struct SignedOpsDashboard: Sendable {
    let issuer: OpIssuer
    let writer: DesiredStateWriter
    let environment: SliceEnvironment

    var section: DashboardSection {
        OpsSection(database: environment.database, flags: environment.flags, clock: environment.clock).section
    }

    var parts: DashboardParts {
        DashboardParts(actions: [
            IssueOpAction(issuer: issuer, database: environment.database).action,
            SetDesiredStateAction(writer: writer, database: environment.database).action,
        ])
    }
}
