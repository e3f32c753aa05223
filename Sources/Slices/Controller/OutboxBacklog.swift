import GRDB

/// What the webhook outbox holds, for `hub status` and the metrics: how much waits,
/// since when, and how much was given up.
public struct OutboxBacklog: Sendable, Equatable, Codable {
    /// Deliveries not yet acknowledged, given up or cancelled.
    public let pending: Int
    /// Customers with at least one pending delivery.
    public let customers: Int
    /// When the oldest pending event was queued; `nil` when nothing waits.
    public let oldestPendingAt: String?
    /// Deliveries given up (each recorded as `notification_failed`).
    public let failed: Int

    enum CodingKeys: String, CodingKey {
        case pending, customers, failed
        case oldestPendingAt = "oldest_pending_at"
    }

    /// Reads the backlog in `db`.
    public static func read(in db: Database) throws -> OutboxBacklog {
        let row = try Row.fetchOne(db, sql: """
            SELECT
                COUNT(*) FILTER (WHERE status = 'pending') AS pending,
                COUNT(DISTINCT CASE WHEN status = 'pending' THEN customer_id END) AS customers,
                MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest,
                COUNT(*) FILTER (WHERE status = 'failed') AS failed
            FROM webhook_outbox
            """)
        return OutboxBacklog(
            pending: row?["pending"] ?? 0, customers: row?["customers"] ?? 0,
            oldestPendingAt: row?["oldest"], failed: row?["failed"] ?? 0
        )
    }
}
