import HostIngestSlice
import Kernel

/// Where guest keys come from: the operator (`POST /api/v1/admin/guests/{guest_id}/key`)
/// or the guest's own host agent, for a guest it has reported
/// (`POST /api/v1/host-guests/{vmid}/key`). Both answer 201 `{"guest_id", "api_key"}`.
struct GuestKeyRoutes: Sendable {
    let mint: GuestKeyMint

    var routes: [SliceRoute] {
        [
            SliceRoute(.post, "/api/v1/admin/guests/{guest_id}/key", access: .global, bodyLimit: 4096) { request in
                let guestID = try request.parameter("guest_id")
                guard let minted = try await mint.mint(guestID: guestID) else {
                    throw HubError(.notFound, "unknown_guest", "no guest \(guestID), or its host is revoked")
                }
                return try .json(minted, status: .created)
            },
            SliceRoute(.post, "/api/v1/host-guests/{vmid}/key", access: .kinds([HostIngestVocabulary.hostKind]), bodyLimit: 4096) { request in
                let principal = try request.requirePrincipal()
                let text = try request.parameter("vmid")
                guard let vmid = Int(text), vmid >= 0, String(vmid) == text else {
                    throw HubError.badRequest("invalid_vmid", "vmid: must be a non-negative integer")
                }
                let guestID = Guest.id(hostID: principal.id, vmid: vmid)
                guard let minted = try await mint.mint(guestID: guestID) else {
                    throw HubError(.notFound, "unknown_guest", "this host has not reported a guest \(vmid)")
                }
                return try .json(minted, status: .created)
            },
        ]
    }
}
