import HostIngestSlice
import Kernel

/// `POST /ui/hosts/{host_id}/revoke`, asked first: revokes the host with the
/// ``HostRevocation`` the admin API and `hub hosts revoke` use, then announces the key
/// change so every hub on the data folder drops the key before its next request.
struct HostRevocationAction: Sendable {
    let revocation: HostRevocation
    let announceKeyChange: @Sendable () -> Void

    static func path(_ hostID: String) -> String {
        HostIngestSlice.hostPage(hostID) + "/revoke"
    }

    var action: DashboardAction {
        DashboardAction("/ui/hosts/{host_id}/revoke", confirmation: { request in
            let hostID = try request.parameter("host_id")
            guard try await revocation.hosts.host(hostID) != nil else { throw HubError.notFound("There is no host \(hostID).") }
            return "Revoke host \(hostID)? Its key stops working at once."
        }) { request in
            let hostID = try request.parameter("host_id")
            guard let host = try await revocation.revoke(hostID: hostID, reason: request.form.text("reason")) else {
                throw HubError.notFound("There is no host \(hostID).")
            }
            announceKeyChange()
            let when = host.revokedAt.map { " (since \(DashboardTime.display($0)))" } ?? ""
            return .redirect(to: HostIngestSlice.hostPage(hostID), notice: "Host \(hostID) is revoked\(when): its key no longer works.")
        }
    }
}
