import Foundation
import GRDB
import Kernel

/// `webhook_outbox`: the events each customer's webhook is owed, in order.
///
/// Rows are written in the transaction that records the event (see
/// ``WebhookOutboxListener``), so an event is queued if and only if it exists. The
/// dispatcher takes a customer's oldest pending row (its head) and only that one: the
/// next event waits until the head is delivered, given up or cancelled. All delivery
/// state lives here, so a restart resumes where the last process stopped.
package struct WebhookOutbox: Sendable {
    let database: HubDatabase
    let events: EventLog

    /// Queues `event` in `db`'s open transaction (once, however many listeners ask).
    func enqueue(_ event: Event, in db: any DatabaseSession) throws {
        try db.execute(
            sql: """
                INSERT INTO webhook_outbox (event_id, customer_id, event_type, body, status, attempts, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """,
            arguments: [event.id, event.customerID, event.type, try WireJSON.encodeString(event), event.createdAt, event.createdAt]
        )
    }

    /// Customers' heads that are due at `now`, oldest due first, skipping `busy`
    /// customers (a delivery for them is already under way).
    func dueHeads(now: Date, excluding busy: Set<String>, limit: Int) async throws -> [OutboxItem] {
        guard limit > 0 else { return [] }
        let busyJSON = try WireJSON.encodeString(JSONValue.array(busy.sorted().map(JSONValue.string)))
        return try await database.read { db in
            try OutboxItem.fetchAll(db, sql: """
                SELECT o.*
                FROM webhook_outbox AS o
                JOIN (SELECT customer_id, MIN(id) AS head FROM webhook_outbox WHERE status = 'pending' GROUP BY customer_id) AS h
                    ON o.id = h.head
                WHERE o.next_attempt_at <= ? AND o.customer_id NOT IN (\(db.dialect.jsonArrayValues))
                ORDER BY o.next_attempt_at, o.id
                LIMIT ?
                """, arguments: [Timestamp(now), busyJSON, limit])
        }
    }

    /// The customer's oldest pending delivery.
    func head(of customerID: String) async throws -> OutboxItem? {
        try await database.read { db in
            try OutboxItem.fetchOne(
                db, sql: "SELECT * FROM webhook_outbox WHERE customer_id = ? AND status = 'pending' ORDER BY id LIMIT 1",
                arguments: [customerID]
            )
        }
    }

    /// The customer's webhook as it is now; `nil` once the URL was removed.
    func target(of customerID: String) async throws -> WebhookTarget? {
        try await database.read { db in
            try WebhookTarget.fetchOne(db, sql: """
                SELECT webhook_url AS url, webhook_secret AS secret FROM customer_configs
                WHERE customer_id = ? AND webhook_url IS NOT NULL AND webhook_secret IS NOT NULL
                """, arguments: [customerID])
        }
    }

    func markDelivered(_ item: OutboxItem, at now: Date) async throws {
        let now = Timestamp(now)
        try await database.write { db in
            try db.execute(
                sql: "UPDATE webhook_outbox SET status = 'delivered', last_attempt_at = ?, finished_at = ? WHERE id = ? AND status = 'pending'",
                arguments: [now, now, item.id]
            )
        }
    }

    /// Records a failed attempt and when to try again.
    func scheduleRetry(_ item: OutboxItem, error: String, at now: Date, next: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, next_attempt_at = ?
                    WHERE id = ? AND status = 'pending'
                    """,
                arguments: [Timestamp(now), error, Timestamp(next), item.id]
            )
        }
    }

    /// Gives the delivery up and records `notification_failed` for the customer, in one
    /// transaction: the operator finds it in `GET /api/v1/admin/events?type=notification_failed`.
    func giveUp(_ item: OutboxItem, error: String, at now: Date) async throws {
        let now = Timestamp(now)
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_outbox SET status = 'failed', attempts = attempts + 1, last_attempt_at = ?, last_error = ?,
                        finished_at = ? WHERE id = ? AND status = 'pending'
                    """,
                arguments: [now, error, now, item.id]
            )
            guard db.changesCount > 0 else { return }
            try events.record(EventDraft(
                customerID: item.customerID, type: ControllerVocabulary.notificationFailed, subject: "\(item.eventID)",
                payload: [
                    "event_id": .number(Double(item.eventID)),
                    "event_type": .string(item.eventType),
                    "attempts": .number(Double(item.attempts + 1)),
                    "queued_at": .string(item.createdAt.text),
                    "last_error": .string(error),
                ]
            ), in: db)
        }
    }

    /// The customer removed its webhook: what was still waiting will never be sent.
    func cancelPending(of customerID: String, at now: Date) async throws {
        let now = Timestamp(now)
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_outbox SET status = 'cancelled', last_error = 'webhook_url removed', finished_at = ?
                    WHERE customer_id = ? AND status = 'pending'
                    """,
                arguments: [now, customerID]
            )
        }
    }
}
