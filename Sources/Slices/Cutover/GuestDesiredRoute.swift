import HostIngestSlice
import Kernel
import SignedOpsSlice

/// `PUT /api/v1/admin/guests/{guest_id}/desired` `{"desired": {…}}`: what a guest should
/// look like (`guests.desired_spec_json`). A changed spec raises its host's desired
/// generation, so the host fetches its signed desired state again, which carries every
/// guest's spec under `"guests"` (agent protocol §8).
struct GuestDesiredRoute: Sendable {
    let database: HubDatabase

    struct Answer: Encodable {
        let guestID: String
        let hostID: String
        let desiredGeneration: Int64
    }

    var route: SliceRoute {
        SliceRoute(.put, "/api/v1/admin/guests/{guest_id}/desired", access: .global, bodyLimit: 1024 * 1024) { request in
            let guestID = try request.parameter("guest_id")
            let body = try request.decode(DesiredStateBody.self, errorCode: "invalid_desired")
            let canonical: String
            do {
                canonical = try body.canonicalJSON
            } catch {
                throw HubError.badRequest("invalid_desired", "desired: cannot be encoded for signing")
            }
            guard let stored = try await database.write({ db in
                try HostDesiredState.replaceGuestSpec(guestID: guestID, canonicalJSON: canonical, in: db)
            }) else {
                throw HubError.notFound("no guest \(guestID)")
            }
            return try .json(Answer(guestID: guestID, hostID: stored.hostID, desiredGeneration: stored.generation))
        }
    }
}
