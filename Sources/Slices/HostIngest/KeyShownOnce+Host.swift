import Kernel

extension KeyShownOnce {
    /// A newly minted host's key: `{"host_id", "api_key"}` (operator contract §3).
    package static func host(_ hostID: String, apiKey: String) -> KeyShownOnce {
        KeyShownOnce(idField: "host_id", id: hostID, key: apiKey)
    }
}
