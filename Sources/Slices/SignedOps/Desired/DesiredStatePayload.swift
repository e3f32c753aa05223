import Foundation
import HostIngestSlice
import Kernel

/// What a desired-state envelope signs (agent protocol §6): `{"host_id",
/// "desired_generation", "desired", "issued_at"}`, and `"guests": {"<vmid>": {…}}` when
/// any of the host's guests has a desired spec (§8; set once controllers report as
/// guests).
struct DesiredStatePayload: Encodable, Sendable {
    let hostID: String
    let desiredGeneration: Int64
    let desired: JSONValue
    let guests: [String: JSONValue]?
    let issuedAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case hostID = "host_id", desiredGeneration = "desired_generation", desired, guests, issuedAt = "issued_at"
    }

    /// The payload of a desired state as stored: its canonical text read back, or `{}`
    /// while none was set. The `PUT` builds one from the text it is about to store and
    /// the `GET` from the text it finds, so that what cannot be served is refused
    /// before it is stored.
    init(
        hostID: String, desiredGeneration: Int64, canonicalJSON: String?,
        guestSpecs: [(vmid: Int, canonicalJSON: String)] = [], issuedAt: Timestamp
    ) throws {
        self.hostID = hostID
        self.desiredGeneration = desiredGeneration
        desired = try canonicalJSON.map(Self.decode) ?? .object([:])
        guests = guestSpecs.isEmpty
            ? nil : Dictionary(uniqueKeysWithValues: try guestSpecs.map { (String($0.vmid), try Self.decode($0.canonicalJSON)) })
        self.issuedAt = issuedAt
    }

    init(_ current: HostDesiredState.Current, guestSpecs: [(vmid: Int, canonicalJSON: String)], issuedAt: Timestamp) throws {
        try self.init(
            hostID: current.hostID, desiredGeneration: current.generation, canonicalJSON: current.desiredJSON,
            guestSpecs: guestSpecs, issuedAt: issuedAt
        )
    }

    private static func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hostID, forKey: .hostID)
        try container.encode(desiredGeneration, forKey: .desiredGeneration)
        try container.encode(desired, forKey: .desired)
        try container.encodeIfPresent(guests, forKey: .guests)
        try container.encode(issuedAt, forKey: .issuedAt)
    }

    /// The bytes the envelope signs.
    func encoded() throws -> Data {
        try WireJSON.encodeData(self)
    }
}
