import Kernel

/// What a desired-state envelope signs (agent protocol §6): `{"host_id",
/// "desired_generation", "desired", "issued_at"}`.
struct DesiredStatePayload: Encodable, Sendable {
    let hostID: String
    let desiredGeneration: Int64
    let desired: JSONValue
    let issuedAt: String

    enum CodingKeys: String, CodingKey {
        case hostID = "host_id"
        case desiredGeneration = "desired_generation"
        case desired
        case issuedAt = "issued_at"
    }
}
