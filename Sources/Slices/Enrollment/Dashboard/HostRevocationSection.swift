import HostIngestSlice
import Kernel

/// The "Revoke this host" form on a host's page (``HostRevocationAction``); a revoked
/// host has nothing left to revoke and shows none.
struct HostRevocationSection: Sendable {
    let hosts: HostStore

    struct Section {
        let hostID: String
        let action: String
        let here: String
    }

    var section: DashboardSection {
        // Last on the page: the one change there that cannot be undone.
        DashboardSection(position: 90) { request in
            let hostID = try request.parameter("host_id")
            guard let host = try await hosts.host(hostID), host.revokedAt == nil else { return nil }
            let section = Section(hostID: host.hostID, action: HostRevocationAction.path(hostID), here: HostIngestSlice.hostPage(hostID))
            return Self.template.render(section, for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="host-revocation" aria-labelledby="host-revocation-title">
        <h2 id="host-revocation-title">Revoke this host</h2>
        <p class="muted">Its key stops working at once, in every hub on this data folder. Its reports, guests and events stay.</p>
        <form method="post" action="{{action}}" class="stack" id="revoke-host">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="revoke-reason">Reason, for the event log (optional) <input id="revoke-reason" name="reason" maxlength="500" autocomplete="off"></label>
        <button type="submit" class="danger">Revoke {{hostID}}</button>
        </form>
        </section>
        """)
}
