import GRDB
import Kernel

/// Queues each recorded event for its customer's webhook, inside the transaction that
/// records it: if the event commits, so does its delivery; if it rolls back, nothing
/// is owed. Customers without a `webhook_url` get nothing queued, and
/// `notification_failed` is never queued (it reports a failed delivery; sending it to
/// the same dead receiver would only fail again, forever).
struct WebhookOutboxListener: EventListener {
    let outbox: WebhookOutbox

    func eventRecorded(_ event: Event, in db: Database) throws {
        guard event.type != ControllerVocabulary.notificationFailed else { return }
        let url = try String.fetchOne(
            db.cachedStatement(sql: "SELECT webhook_url FROM customer_configs WHERE customer_id = ?"), arguments: [event.customerID]
        )
        guard url != nil else { return }
        try outbox.enqueue(event, in: db)
    }
}
