import GRDB
import Kernel

/// What the webhook outbox holds, for `hub status` and the metrics: how much waits,
/// since when, and how much was given up.
package struct OutboxBacklog: Sendable, Equatable, Encodable, SnakeCaseRecord {
    /// Deliveries not yet acknowledged, given up or cancelled.
    package let pending: Int
    /// Customers with at least one pending delivery.
    package let customers: Int
    /// When the oldest pending event was queued; `nil` when nothing waits.
    package let oldestPendingAt: Timestamp?
    /// Deliveries given up (each recorded as `notification_failed`).
    package let failed: Int

    /// Reads the backlog in `db`.
    package static func read(in db: any DatabaseSession) throws -> OutboxBacklog {
        try fetchOne(db, sql: """
            SELECT
                COUNT(*) FILTER (WHERE status = 'pending') AS pending,
                COUNT(DISTINCT CASE WHEN status = 'pending' THEN customer_id END) AS customers,
                MIN(CASE WHEN status = 'pending' THEN created_at END) AS oldest_pending_at,
                COUNT(*) FILTER (WHERE status = 'failed') AS failed
            FROM webhook_outbox
            """) ?? OutboxBacklog(pending: 0, customers: 0, oldestPendingAt: nil, failed: 0)
    }
}
