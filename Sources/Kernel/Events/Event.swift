import GRDB

/// Something that happened to one customer's hub estate: a controller went silent, an
/// op finished. Stored in `kernel_events`, listed by the admin API, delivered to the
/// customer.
public struct Event: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "kernel_events"
    public static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["payload_json"]), Column("payload_json").forKey("payload")] }

    public let id: Int64
    public let customerID: String
    public let type: String
    /// What the event is about: a host id, a customer id, an op id.
    public let subject: String
    /// Kept in the column `payload_json`.
    public let payload: JSONValue
    public let createdAt: Timestamp
}

/// An event about to be recorded.
public struct EventDraft: Sendable {
    public let customerID: String
    public let type: String
    public let subject: String
    public let payload: [String: JSONValue]

    public init(customerID: String, type: String, subject: String, payload: [String: JSONValue] = [:]) {
        self.customerID = customerID
        self.type = type
        self.subject = subject
        self.payload = payload
    }
}
