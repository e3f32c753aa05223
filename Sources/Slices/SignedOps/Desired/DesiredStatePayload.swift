import Foundation
import HostIngestSlice
import Kernel

/// What a desired-state envelope signs (agent protocol §6): `{"host_id",
/// "desired_generation", "desired", "issued_at"}`.
struct DesiredStatePayload: Encodable, Sendable {
    let hostID: String
    let desiredGeneration: Int64
    let desired: JSONValue
    let issuedAt: Timestamp

    /// The payload of a desired state as stored: its canonical text read back, or `{}`
    /// while none was set. The `PUT` builds one from the text it is about to store and
    /// the `GET` from the text it finds, so that what cannot be served is refused
    /// before it is stored.
    init(hostID: String, desiredGeneration: Int64, canonicalJSON: String?, issuedAt: Timestamp) throws {
        self.hostID = hostID
        self.desiredGeneration = desiredGeneration
        desired = try canonicalJSON.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) } ?? .object([:])
        self.issuedAt = issuedAt
    }

    init(_ current: HostDesiredState.Current, issuedAt: Timestamp) throws {
        try self.init(hostID: current.hostID, desiredGeneration: current.generation, canonicalJSON: current.desiredJSON, issuedAt: issuedAt)
    }

    /// The bytes the envelope signs.
    func encoded() throws -> Data {
        try WireJSON.encodeData(self)
    }
}
