/// The answer that hands out a fresh secret — a customer's API key, a host's, soon a
/// guest's or an enrollment token — the only time it leaves the hub: the hub keeps
/// just its hash (see ``APIKey``), so it can never be shown again. The admin API and
/// `hub … --json` answer the same object, `{"customer_id": "acme", "api_key": "…"}`;
/// only the names of the id and of the secret differ from one kind to the next.
///
/// ```swift
/// KeyShownOnce(idField: "host_id", id: host.hostID, key: apiKey)
/// // {"api_key":"…","host_id":"acme-1a2b3c"}
/// ```
package struct KeyShownOnce: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The answer's name for the id: `customer_id`, `host_id`, `guest_id`, `token_id`.
    package let idField: String
    package let id: String
    /// The answer's name for the secret: `api_key`, or `token` for an enrollment token.
    package let keyField: String
    /// The secret in the clear.
    package let key: String

    package init(idField: String, id: String, keyField: String = "api_key", key: String) {
        self.idField = idField
        self.id = id
        self.keyField = keyField
        self.key = key
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldName.self)
        try container.encode(id, forKey: FieldName(idField))
        try container.encode(key, forKey: FieldName(keyField))
    }

    /// Names the id and hides the secret, so that logging the answer by mistake leaks nothing.
    package var description: String {
        "\(idField) \(id), \(keyField) [shown once]"
    }

    /// A key named at run time; the field names are snake_case already, so the wire
    /// encoding writes them unchanged.
    private struct FieldName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
