import Kernel

/// The body of `PUT /api/v1/admin/hosts/{host_id}/desired`: `{"desired": {...}}`.
struct DesiredStateBody: Decodable, Sendable {
    let desired: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case desired
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let object = try container.decodeIfPresent(JSONValue.self, forKey: .desired)?.objectValue else {
            throw ValidationFailure("desired: required, a JSON object")
        }
        desired = object
    }

    /// The canonical form: the hub's one JSON encoding, keys sorted at every level and
    /// integral numbers written as integers, so that content equal as JSON is equal as
    /// text whatever order or spacing the operator sent.
    var canonicalJSON: String {
        get throws { try WireJSON.encodeString(JSONValue.object(desired)) }
    }
}
