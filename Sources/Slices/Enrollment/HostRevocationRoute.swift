import HostIngestSlice
import Kernel

/// `POST /api/v1/admin/hosts/{host_id}/revoke`: `{"reason"?}` → the host with its
/// `revoked_at`.
struct HostRevocationRoute: Sendable {
    let revocation: HostRevocation
    let announceKeyChange: @Sendable () -> Void

    struct Body: Decodable {
        let reason: String?
    }

    var route: SliceRoute {
        SliceRoute(.post, "/api/v1/admin/hosts/{host_id}/revoke", access: .global, bodyLimit: 4096) { request in
            let hostID = try request.parameter("host_id")
            // The body is optional: an empty one revokes without a reason.
            let reason = request.body.readableBytes == 0 ? nil : try request.decode(Body.self, errorCode: "invalid_revocation").reason
            guard let host = try await revocation.revoke(hostID: hostID, reason: reason) else {
                throw HubError.notFound("no host \(hostID)")
            }
            announceKeyChange()
            return try .json(host)
        }
    }
}
