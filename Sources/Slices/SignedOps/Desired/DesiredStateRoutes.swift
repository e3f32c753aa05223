import Foundation
import HostIngestSlice
import Kernel

/// Desired state: the operator sets it (`PUT /api/v1/admin/hosts/{host_id}/desired`),
/// the host fetches it signed (`GET /api/v1/host-desired`).
struct DesiredStateRoutes: Sendable {
    /// Desired state documents may be larger than most bodies.
    static let bodyLimit = 1024 * 1024

    let database: HubDatabase
    let keys: OpsKeyRing
    let cohort: CohortGate
    let clock: any HubClock

    struct Answer: Encodable {
        let hostID: String
        let desiredGeneration: Int64

        enum CodingKeys: String, CodingKey {
            case hostID = "host_id"
            case desiredGeneration = "desired_generation"
        }
    }

    var routes: [SliceRoute] {
        [
            SliceRoute(.put, "/api/v1/admin/hosts/{host_id}/desired", access: .global, bodyLimit: Self.bodyLimit) { request in
                let hostID = try request.parameter("host_id")
                let canonical = try request.decode(DesiredStateBody.self, errorCode: "invalid_desired").canonicalJSON
                let stored = try await database.pool.write { db in
                    try HostDesiredState.replace(hostID: hostID, canonicalJSON: canonical, in: db)
                }
                guard let stored else { throw HubError.notFound("no host \(hostID)") }
                return try .json(Answer(hostID: hostID, desiredGeneration: stored.generation))
            },
            SliceRoute(.get, "/api/v1/host-desired", access: .kinds([HostIngestVocabulary.hostKind])) { request in
                let host = try await cohort.admit(request)
                let key = try await keys.activeKey()
                guard let current = try await database.pool.read({ db in try HostDesiredState.current(hostID: host.hostID, in: db) }) else {
                    throw HubError.notFound("no host \(host.hostID)")
                }
                let desired = try current.desiredJSON.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) } ?? .object([:])
                let payload = DesiredStatePayload(
                    hostID: current.hostID, desiredGeneration: current.generation, desired: desired, issuedAt: Timestamp.format(clock.now())
                )
                return try .json(try DSSEEnvelope.sign(try WireJSON.encodeData(payload), payloadType: PayloadType.desiredState, with: key))
            },
        ]
    }
}
