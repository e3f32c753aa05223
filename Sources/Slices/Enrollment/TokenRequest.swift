import Kernel

/// What an operator asks for when issuing a token (`POST /api/v1/admin/enrollment-tokens`,
/// `hub enroll-token`): checked here, so both answer the same mistakes the same way.
struct TokenRequest: Sendable, Decodable {
    static let defaultLifetime = 86_400
    static let longestLifetime = 30 * 86_400
    static let mostUses = 1_000

    let customerID: String
    let ttlSeconds: Int
    let uses: Int
    let label: String?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", ttlSeconds = "ttl_seconds", uses, label
    }

    init(customerID: String, ttlSeconds: Int?, uses: Int?, label: String?) throws {
        self.customerID = customerID
        self.ttlSeconds = ttlSeconds ?? Self.defaultLifetime
        self.uses = uses ?? 1
        self.label = label
        try check()
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            customerID: try container.decode(String.self, forKey: .customerID),
            ttlSeconds: try container.decodeIfPresent(Int.self, forKey: .ttlSeconds),
            uses: try container.decodeIfPresent(Int.self, forKey: .uses),
            label: try container.decodeIfPresent(String.self, forKey: .label)
        )
    }

    private func check() throws {
        guard (1...Self.longestLifetime).contains(ttlSeconds) else {
            throw HubError.badRequest("invalid_token_request", "ttl_seconds: must be from 1 to \(Self.longestLifetime) (30 days)")
        }
        guard (1...Self.mostUses).contains(uses) else {
            throw HubError.badRequest("invalid_token_request", "uses: must be from 1 to \(Self.mostUses)")
        }
        guard (label ?? "").utf8.count <= 200 else {
            throw HubError.badRequest("invalid_token_request", "label: at most 200 bytes")
        }
    }
}
