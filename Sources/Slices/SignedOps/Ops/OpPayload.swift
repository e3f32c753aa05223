import Kernel

/// What an op's envelope signs (agent protocol §6): `{"op_id", "host_id", "seq", "type",
/// "args", "issued_at", "expires_at"}`. Encoded once, with the hub's one JSON encoding,
/// when the op is issued; the bytes are stored and served unchanged.
struct OpPayload: Encodable, Sendable {
    let opID: String
    let hostID: String
    let seq: Int64
    let type: String
    let args: [String: JSONValue]
    let issuedAt: Timestamp
    let expiresAt: Timestamp
}
