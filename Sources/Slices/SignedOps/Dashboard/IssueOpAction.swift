import HostIngestSlice
import Kernel

/// `POST /ui/hosts/{host_id}/ops`, from the host page's "Issue an op" form: asks first
/// (`Issue op reboot_host to host acme-k3x9q2?`), then issues the op as the admin API
/// does (``OpIssuer``) and goes back to the host page with the op's id.
struct IssueOpAction: Sendable {
    let issuer: OpIssuer
    let database: HubDatabase

    var action: DashboardAction {
        DashboardAction("/ui/hosts/{host_id}/ops", confirmation: { request in
            let hostID = try request.parameter("host_id")
            let op = try OpForm.request(request.form)
            // A mistake in the form is shown before the question, not after it.
            _ = try OpIssuer.validate(op)
            guard try await database.read({ db in try HostStore.host(hostID, in: db) }) != nil else {
                throw HubError.notFound("There is no host \(hostID).")
            }
            return "Issue op \(OpForm.describe(op)) to host \(hostID)? Unless the host fetches it within \(op.ttlSeconds) seconds, it expires."
        }) { request in
            let hostID = try request.parameter("host_id")
            let op = try OpForm.request(request.form)
            let issued = try await issuer.issue(op, to: hostID)
            let expiry = DashboardTime.display(issued.expiresAt)
            return .redirect(
                to: HostIngestSlice.hostPage(hostID),
                notice: "Op \(issued.opID) (\(OpForm.describe(op)), seq \(issued.seq)) was issued to host \(hostID); it expires at \(expiry) UTC."
            )
        }
    }
}
