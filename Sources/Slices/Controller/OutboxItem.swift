import GRDB
import Kernel

/// One event waiting in `webhook_outbox` for delivery to its customer's webhook.
struct OutboxItem: Sendable, Equatable, SnakeCaseRecord, TableRecord {
    static let databaseTableName = "webhook_outbox"

    let id: Int64
    let eventID: Int64
    let customerID: String
    let eventType: String
    /// The event JSON, byte for byte what is signed and sent.
    let body: String
    /// Failed attempts so far.
    let attempts: Int
    let createdAt: Timestamp
    let nextAttemptAt: Timestamp

    func isDue(at now: Timestamp) -> Bool {
        nextAttemptAt <= now
    }
}
