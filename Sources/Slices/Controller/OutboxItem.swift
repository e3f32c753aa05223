import Foundation
import GRDB
import Kernel

/// One event waiting in `webhook_outbox` for delivery to its customer's webhook.
struct OutboxItem: Sendable, Equatable {
    let id: Int64
    let eventID: Int64
    let customerID: String
    let eventType: String
    /// The event JSON, byte for byte what is signed and sent.
    let body: String
    /// Failed attempts so far.
    let attempts: Int
    let createdAt: String
    let nextAttemptAt: String

    static let columnNames = ["id", "event_id", "customer_id", "event_type", "body", "attempts", "created_at", "next_attempt_at"]

    /// The columns to select, qualified by `table` when given.
    static func columns(of table: String? = nil) -> String {
        columnNames.map { column in table.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
    }

    init(row: Row) {
        id = row["id"]
        eventID = row["event_id"]
        customerID = row["customer_id"]
        eventType = row["event_type"]
        body = row["body"]
        attempts = row["attempts"]
        createdAt = row["created_at"]
        nextAttemptAt = row["next_attempt_at"]
    }

    func isDue(at now: Date) -> Bool {
        nextAttemptAt <= Timestamp.format(now)
    }
}
