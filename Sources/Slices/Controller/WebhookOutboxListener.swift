import GRDB
import Kernel

/// Queues each recorded event for its customer's webhook, inside the transaction that
/// records it: if the event commits, so does its delivery; if it rolls back, nothing
/// is owed. Customers without a `webhook_url` get nothing queued, and
/// `notification_failed` is never queued (it reports a failed delivery; sending it to
/// the same dead receiver would only fail again, forever).
struct WebhookOutboxListener: EventListener {
    let outbox: WebhookOutbox

    func eventsRecorded(_ events: [Event], in db: any DatabaseSession) throws {
        let owed = events.filter { $0.type != ControllerVocabulary.notificationFailed }
        guard !owed.isEmpty else { return }
        let customers = Set(owed.map(\.customerID))
        let listening = try Set(String.fetchAll(
            db, sql: """
                SELECT customer_id FROM customer_configs
                WHERE webhook_url IS NOT NULL AND customer_id IN (\(db.dialect.jsonArrayValues))
                """,
            arguments: [WireJSON.encodeString(JSONValue.array(customers.map(JSONValue.string)))]
        ))
        for event in owed where listening.contains(event.customerID) {
            try outbox.enqueue(event, in: db)
        }
    }
}
