import GRDB

/// Customers at a glance, for `hub status`.
public struct CustomerCounts: Sendable, Equatable, Codable {
    public let total: Int
    public let active: Int
    public let blocked: Int
    /// Customers with a `webhook_url`, who are sent their events.
    public let withWebhook: Int

    public init(total: Int, active: Int, blocked: Int, withWebhook: Int) {
        self.total = total
        self.active = active
        self.blocked = blocked
        self.withWebhook = withWebhook
    }

    enum CodingKeys: String, CodingKey {
        case total, active, blocked
        case withWebhook = "with_webhook"
    }

    public static func read(in db: Database) throws -> CustomerCounts {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS total,
                COUNT(*) FILTER (WHERE status = 'active') AS active,
                COUNT(*) FILTER (WHERE status = 'blocked') AS blocked,
                COUNT(webhook_url) AS with_webhook
            FROM customer_configs
            """)
        return CustomerCounts(
            total: row?["total"] ?? 0, active: row?["active"] ?? 0, blocked: row?["blocked"] ?? 0, withWebhook: row?["with_webhook"] ?? 0
        )
    }
}
