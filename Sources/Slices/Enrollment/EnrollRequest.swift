import Kernel

/// The body of `POST /api/v1/enroll` (agent protocol §7), checked field by field: a
/// missing or malformed field is a 400 `invalid_enrollment` naming it. The token's own
/// shape is not checked here: any token that is not a live one is the same 401.
struct EnrollRequest: Sendable, Decodable {
    let token: String
    let hostname: String
    let agentVersion: String
    let label: String?

    enum CodingKeys: String, CodingKey {
        case token, hostname, agentVersion = "agent_version", label
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        token = try container.decode(String.self, forKey: .token)
        hostname = try container.decode(String.self, forKey: .hostname)
        agentVersion = try container.decode(String.self, forKey: .agentVersion)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        try Self.require(!token.isEmpty, "token: must not be empty")
        try Self.require((1...253).contains(hostname.utf8.count), "hostname: must be 1 to 253 bytes")
        try Self.require((1...100).contains(agentVersion.utf8.count), "agent_version: must be 1 to 100 bytes")
        try Self.require((label ?? "").utf8.count <= 200, "label: at most 200 bytes")
    }

    private static func require(_ condition: Bool, _ message: String) throws {
        guard condition else { throw HubError.badRequest("invalid_enrollment", message) }
    }
}
