import Foundation
import HostIngestSlice
import Kernel
import Logging

/// Desired state: the operator sets it (`PUT /api/v1/admin/hosts/{host_id}/desired`),
/// the host fetches it signed (`GET /api/v1/host-desired`).
struct DesiredStateRoutes: Sendable {
    /// Desired state documents may be larger than most bodies.
    static let bodyLimit = 1024 * 1024

    let database: HubDatabase
    let keys: OpsKeyRing
    let cohort: CohortGate
    let clock: any HubClock
    let unservable = UnservableDesiredStates()

    struct Answer: Encodable {
        let hostID: String
        let desiredGeneration: Int64
    }

    var routes: [SliceRoute] {
        [
            SliceRoute(.put, "/api/v1/admin/hosts/{host_id}/desired", access: .global, bodyLimit: Self.bodyLimit) { request in
                let hostID = try request.parameter("host_id")
                let body = try request.decode(DesiredStateBody.self, errorCode: "invalid_desired")
                let stored = try await DesiredStateWriter(database: database, clock: clock).replace(hostID: hostID, with: body, logger: request.logger)
                return try .json(Answer(hostID: hostID, desiredGeneration: stored.generation))
            },
            SliceRoute(.get, "/api/v1/host-desired", access: .kinds([HostIngestVocabulary.hostKind])) { request in
                let host = try await cohort.admit(request)
                let key = try await keys.activeKey()
                let read = try await database.read { db in
                    (try HostDesiredState.current(hostID: host.hostID, in: db), try HostDesiredState.guestSpecs(hostID: host.hostID, in: db))
                }
                guard let current = read.0 else { throw HubError.notFound("no host \(host.hostID)") }
                let payload = try signedPayload(current, guestSpecs: read.1, logger: request.logger)
                return try DSSEEnvelope.sign(payload, payloadType: PayloadType.desiredState, with: key).response()
            },
        ]
    }

    /// The payload to sign for the host's stored desired state. A stored state that
    /// cannot be read back or signed (set by an earlier hub, before the `PUT` checked:
    /// nested too deep for the decoder, or for the encoder once wrapped) is a 409
    /// `desired_unservable`, not a 500: it stays so until an operator sets the state
    /// again, which a 5xx ("try again later") would not say, and the error is logged
    /// once per host and generation rather than at every heartbeat.
    private func signedPayload(_ current: HostDesiredState.Current, guestSpecs: [(vmid: Int, canonicalJSON: String)], logger: Logger) throws -> Data {
        do {
            return try DesiredStatePayload(current, guestSpecs: guestSpecs, issuedAt: Timestamp(clock.now())).encoded()
        } catch {
            if unservable.isNew(hostID: current.hostID, generation: current.generation) {
                logger.error("stored desired state cannot be signed; set it again with PUT /api/v1/admin/hosts/{host_id}/desired", metadata: [
                    "host_id": "\(current.hostID)", "desired_generation": "\(current.generation)", "error": "\(error)",
                ])
            }
            throw HubError.conflict(
                "desired_unservable", "the desired state stored for host \(current.hostID) cannot be signed; an operator must set it again"
            )
        }
    }
}
