import Kernel

/// The body of `PUT /api/v1/admin/hosts/{host_id}/desired`: `{"desired": {...}}` (and of
/// the guest's desired spec, which a later slice sets the same way).
package struct DesiredStateBody: Decodable, Sendable {
    /// How deep objects and arrays may nest in a desired state, the `desired` object
    /// itself being level 1. What an agent applies is a few levels deep (guests, their
    /// spec, its disks); the bound keeps every document the hub stores and signs one
    /// that the hub can read back and every agent's JSON library can parse, where
    /// Foundation stops at 512 levels and other libraries sooner.
    package static let maximumDepth = 64

    let desired: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case desired
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let object = try container.decodeIfPresent(JSONValue.self, forKey: .desired)?.objectValue else {
            throw ValidationFailure("desired: required, a JSON object")
        }
        let depth = JSONValue.object(object).nestingDepth
        guard depth <= Self.maximumDepth else {
            throw ValidationFailure("desired: nests objects and arrays \(depth) levels deep; at most \(Self.maximumDepth) are allowed")
        }
        desired = object
    }

    /// The canonical form: the hub's one JSON encoding, keys sorted at every level and
    /// integral numbers written as integers, so that content equal as JSON is equal as
    /// text whatever order or spacing the operator sent.
    package var canonicalJSON: String {
        get throws { try WireJSON.encodeString(JSONValue.object(desired)) }
    }
}
