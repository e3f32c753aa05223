import Kernel

/// The body of `POST /api/v1/admin/hosts/{host_id}/ops`: `{"type", "args", "ttl_seconds"?}`.
struct OpRequest: Decodable, Sendable {
    /// One hour.
    static let defaultTTL = 3600
    /// Seven days.
    static let maximumTTL = 7 * 86_400

    let type: String
    let args: [String: JSONValue]
    let ttlSeconds: Int

    enum CodingKeys: String, CodingKey {
        case type, args
        case ttlSeconds = "ttl_seconds"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let type = try? container.decode(String.self, forKey: .type), !type.isEmpty else {
            throw ValidationFailure("type: required, a string naming one of \(OpRegistry.types.map(\.name).joined(separator: ", "))")
        }
        self.type = type
        switch try container.decodeIfPresent(JSONValue.self, forKey: .args) {
        case nil, .null?: args = [:]
        case .object(let object)?: args = object
        default: throw ValidationFailure("args: must be an object")
        }
        if container.contains(.ttlSeconds), try !container.decodeNil(forKey: .ttlSeconds) {
            ttlSeconds = try FieldRules.integer(container, .ttlSeconds, name: "ttl_seconds", in: 1...Self.maximumTTL)
        } else {
            ttlSeconds = Self.defaultTTL
        }
    }
}
