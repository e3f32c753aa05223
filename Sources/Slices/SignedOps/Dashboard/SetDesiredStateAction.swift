import HostIngestSlice
import Kernel

/// `POST /ui/hosts/{host_id}/desired`, from the host page's desired-state form: asks
/// first, then replaces the desired state as the admin API's `PUT` does
/// (``DesiredStateWriter``) and goes back to the host page with the new generation.
struct SetDesiredStateAction: Sendable {
    let writer: DesiredStateWriter
    let database: HubDatabase

    var action: DashboardAction {
        DashboardAction("/ui/hosts/{host_id}/desired", confirmation: { request in
            let hostID = try request.parameter("host_id")
            // A mistake in the form is shown before the question, not after it.
            _ = try DesiredStateForm.body(request.form)
            guard let current = try await database.read({ db in try HostDesiredState.current(hostID: hostID, in: db) }) else {
                throw HubError.notFound("There is no host \(hostID).")
            }
            return "Replace the desired state of host \(hostID) (generation \(current.generation))? The host applies it at its next fetch."
        }) { request in
            let hostID = try request.parameter("host_id")
            let stored = try await writer.replace(hostID: hostID, with: try DesiredStateForm.body(request.form), logger: request.logger)
            let notice = stored.changed
                ? "The desired state of host \(hostID) is now generation \(stored.generation)."
                : "The desired state of host \(hostID) was already this; it stays generation \(stored.generation)."
            return .redirect(to: HostIngestSlice.hostPage(hostID), notice: notice)
        }
    }
}
