/// Something that happened to one customer's hub estate: a controller went silent, an
/// op finished. Stored in `kernel_events`, listed by the admin API, delivered to the
/// customer.
public struct Event: Sendable, Equatable, Codable {
    public let id: Int64
    public let customerID: String
    public let type: String
    /// What the event is about: a host id, a customer id, an op id.
    public let subject: String
    public let payload: JSONValue
    public let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case customerID = "customer_id"
        case type, subject, payload
        case createdAt = "created_at"
    }
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
