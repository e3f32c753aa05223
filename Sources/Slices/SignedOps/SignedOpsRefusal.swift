import Kernel

/// Refusals signed-ops shares between its routes.
enum SignedOpsRefusal {
    /// 409 `host_revoked`: a revoked host fetches neither ops nor desired state, so what is
    /// issued to it would never arrive.
    static func hostRevoked(_ hostID: String) -> HubError {
        HubError.conflict("host_revoked", "host \(hostID) is revoked: it fetches nothing any more")
    }
}
