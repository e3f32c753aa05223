import HostIngestSlice
import Kernel

/// The guests of a host's page with a "Mint a new key" button each
/// (``GuestKeyAction``): how an operator gives a controller guest its key, or replaces a
/// leaked one. A revoked host's guests get no key, so it shows none.
struct GuestKeysSection: Sendable {
    let hosts: HostStore

    struct Row {
        let guestID: String
        let vmid: Int
        let name: String?
        let controllerVersion: String?
        let action: String
        let here: String
    }

    var section: DashboardSection {
        DashboardSection(position: 40) { request in
            let hostID = try request.parameter("host_id")
            guard let host = try await hosts.host(hostID), host.revokedAt == nil else { return nil }
            let here = HostIngestSlice.hostPage(hostID)
            let rows = try await hosts.guests(hostID: hostID).map { guest in
                Row(
                    guestID: guest.guestID, vmid: guest.vmid, name: guest.displayName, controllerVersion: guest.controllerVersion,
                    action: GuestKeyAction.path(guest.guestID), here: here
                )
            }
            return Self.template.render(["rows": rows, "hasGuests": !rows.isEmpty] as [String: Any], for: request)
        }
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="guest-keys" aria-labelledby="guest-keys-title">
        <h2 id="guest-keys-title">Guest keys</h2>
        <p class="muted">A controller guest reports with a key of its own. A new key replaces the guest's key at once, and is shown once.</p>
        {{^hasGuests}}<p class="muted">This host has reported no guests.</p>{{/hasGuests}}
        {{#hasGuests}}<div class="table-scroll"><table class="data" id="guest-keys-table">
        <thead><tr><th scope="col">Guest</th><th scope="col">Name</th><th scope="col">Controller</th><th scope="col">Key</th></tr></thead>
        <tbody>
        {{#rows}}<tr id="guest-{{vmid}}">
        <td><code>{{guestID}}</code></td><td>{{name}}</td>
        <td>{{#controllerVersion}}{{controllerVersion}}{{/controllerVersion}}{{^controllerVersion}}<span class="muted">none</span>{{/controllerVersion}}</td>
        <td><form method="post" action="{{action}}" class="inline" id="mint-guest-key-{{vmid}}">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}"><button type="submit" aria-label="Mint a new key for guest {{vmid}}">Mint a new key</button></form></td>
        </tr>
        {{/rows}}
        </tbody></table></div>{{/hasGuests}}
        </section>
        """)
}
