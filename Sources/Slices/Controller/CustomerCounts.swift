import GRDB
import Kernel

/// Customers at a glance, for `hub status`.
package struct CustomerCounts: Sendable, Equatable, Encodable, SnakeCaseRecord {
    package let total: Int
    package let active: Int
    package let blocked: Int
    /// Customers with a `webhook_url`, who are sent their events.
    package let withWebhook: Int

    package init(total: Int, active: Int, blocked: Int, withWebhook: Int) {
        self.total = total
        self.active = active
        self.blocked = blocked
        self.withWebhook = withWebhook
    }

    package static func read(in db: any DatabaseSession) throws -> CustomerCounts {
        try fetchOne(db, sql: """
            SELECT COUNT(*) AS total,
                COUNT(*) FILTER (WHERE status = 'active') AS active,
                COUNT(*) FILTER (WHERE status = 'blocked') AS blocked,
                COUNT(webhook_url) AS with_webhook
            FROM customer_configs
            """) ?? CustomerCounts(total: 0, active: 0, blocked: 0, withWebhook: 0)
    }
}
