import Foundation
import HostIngestSlice
import Kernel
import Logging

/// Setting a host's desired state as the operator asks for it, whether through the
/// admin API (`PUT /api/v1/admin/hosts/{host_id}/desired`) or the dashboard: only a
/// state the host can be served, never to a revoked host (409 `host_revoked`), 404 for
/// an unknown one. The generation rises only when the content changes.
struct DesiredStateWriter: Sendable {
    let database: HubDatabase
    let clock: any HubClock

    func replace(hostID: String, with body: DesiredStateBody, logger: Logger) async throws -> HostDesiredState.Stored {
        let canonical = try servableCanonicalJSON(body, hostID: hostID, logger: logger)
        let stored = try await database.write { db in
            if try HostStore.host(hostID, in: db)?.revokedAt != nil { throw SignedOpsRefusal.hostRevoked(hostID) }
            return try HostDesiredState.replace(hostID: hostID, canonicalJSON: canonical, in: db)
        }
        guard let stored else { throw HubError.notFound("no host \(hostID)") }
        return stored
    }

    /// The body's canonical text, once the payload the `GET` will sign has been built
    /// from it: whatever could not be served is refused now, before it replaces a state
    /// the host can fetch. (The generation is not known yet; any number encodes alike.)
    private func servableCanonicalJSON(_ body: DesiredStateBody, hostID: String, logger: Logger) throws -> String {
        do {
            let canonical = try body.canonicalJSON
            let payload = try DesiredStatePayload(hostID: hostID, desiredGeneration: 1, canonicalJSON: canonical, issuedAt: Timestamp(clock.now()))
            _ = try payload.encoded()
            return canonical
        } catch {
            logger.info("desired state refused: it cannot be signed", metadata: ["host_id": "\(hostID)", "error": "\(error)"])
            throw HubError.badRequest("invalid_desired", "desired: cannot be encoded for signing")
        }
    }
}
