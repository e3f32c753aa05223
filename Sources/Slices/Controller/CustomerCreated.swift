/// The answer to creating a customer: the only time its key leaves the hub.
public struct CustomerCreated: Sendable, Encodable {
    public let customerID: String
    public let apiKey: String

    public init(customerID: String, apiKey: String) {
        self.customerID = customerID
        self.apiKey = apiKey
    }
}
