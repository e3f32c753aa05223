/// The six kinds of JSON value, told apart by a value's first byte.
///
/// A caller peeks at the kind before choosing how to read a member, the way a decoder
/// picks a branch: `null` for an optional field, the wrong kind for a precise message.
package enum JSONValueKind: Sendable, Hashable, CustomStringConvertible {
    case object
    case array
    case string
    case number
    case bool
    case null

    /// The kind as a field rule names it: "must be `an object`".
    package var description: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
