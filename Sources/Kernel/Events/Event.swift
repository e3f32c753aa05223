import GRDB

/// Something that happened to one customer's hub estate: a controller went silent, an
/// op finished. Stored in `kernel_events`, listed by the admin API, delivered to the
/// customer.
package struct Event: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    package static let databaseTableName = "kernel_events"
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["payload_json"]), Column("payload_json").forKey("payload")] }
    /// The same selection written out, for statements in SQL (`SELECT \(Event.columnsSQL) FROM kernel_events …`).
    package static let columnsSQL = "id, customer_id, type, subject, payload_json AS payload, created_at"

    package let id: Int64
    package let customerID: String
    package let type: String
    /// What the event is about: a host id, a customer id, an op id.
    package let subject: String
    /// Kept in the column `payload_json`.
    package let payload: JSONValue
    package let createdAt: Timestamp
}

/// An event about to be recorded.
package struct EventDraft: Sendable {
    package let customerID: String
    package let type: String
    package let subject: String
    package let payload: [String: JSONValue]

    package init(customerID: String, type: String, subject: String, payload: [String: JSONValue] = [:]) {
        self.customerID = customerID
        self.type = type
        self.subject = subject
        self.payload = payload
    }
}
