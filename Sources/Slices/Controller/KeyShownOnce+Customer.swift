import Kernel

extension KeyShownOnce {
    /// A new customer's key: `{"customer_id", "api_key"}` (operator contract §3).
    package static func customer(_ customerID: String, apiKey: String) -> KeyShownOnce {
        KeyShownOnce(idField: "customer_id", id: customerID, key: apiKey)
    }
}
