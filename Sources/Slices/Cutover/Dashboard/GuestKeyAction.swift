import ControllerSlice
import HostIngestSlice
import Kernel

/// `POST /ui/guests/{guest_id}/key`, asked first: mints the guest's key with the
/// ``GuestKeyMint`` of `POST /api/v1/admin/guests/{guest_id}/key` and `hub guests key`,
/// and shows it once. The guest's previous key stops working at once.
struct GuestKeyAction: Sendable {
    let mint: GuestKeyMint

    /// The guest id's `/` is encoded: the id is one path segment.
    static func path(_ guestID: String) -> String {
        "/ui/guests/" + DashboardLink.segment(guestID) + "/key"
    }

    var action: DashboardAction {
        DashboardAction("/ui/guests/{guest_id}/key", confirmation: { request in
            let guestID = try request.parameter("guest_id")
            return "Mint a new key for guest \(guestID)? Its current key stops working at once: its controller needs the new one."
        }) { request in
            let guestID = try request.parameter("guest_id")
            guard let minted = try await mint.mint(guestID: guestID) else {
                throw HubError(.notFound, "unknown_guest", "There is no guest \(guestID), or its host is revoked.")
            }
            let hostID = Guest.hostID(ofGuestID: guestID)
            return .view(SecretShownOnce(
                title: "New key for guest \(guestID)",
                summary: "The API key of controller guest \(guestID): its controller sends it with every report. Its previous key no longer works.",
                elementID: "guest-key", secret: minted.key,
                nextHref: HostIngestSlice.hostPage(hostID), nextLabel: "Back to host \(hostID)"
            ).view(for: request))
        }
    }
}
