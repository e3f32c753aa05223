import Foundation

/// Field rules shared by the bodies the hub accepts, each failing with a message that
/// names the field (Foundation's own errors do not always say where they happened).
package enum FieldRules {
    /// A required RFC 3339 timestamp.
    package static func timestamp<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key, name: String) throws -> Date {
        guard container.contains(key) else { throw ValidationFailure("\(name): required field is missing") }
        guard let text = try? container.decode(String.self, forKey: key), let date = Timestamp.parse(text) else {
            throw ValidationFailure(timestampMessage(name: name))
        }
        return date
    }

    /// A required whole number within `range`; fractions, strings and numbers beyond
    /// 64 bits are refused by name.
    package static func integer<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key, name: String, in range: ClosedRange<Int>) throws -> Int {
        guard container.contains(key) else { throw ValidationFailure("\(name): required field is missing") }
        guard let value = try? container.decode(Int.self, forKey: key), range.contains(value) else {
            throw ValidationFailure(integerMessage(name: name, range: range))
        }
        return value
    }

    /// What ``timestamp(_:_:name:)`` says of a value that is not a timestamp.
    package static func timestampMessage(name: String) -> String {
        "\(name): must be an RFC 3339 timestamp"
    }

    /// What ``integer(_:_:name:in:)`` says of a value that is not a whole number in `range`.
    package static func integerMessage(name: String, range: ClosedRange<Int>) -> String {
        let bounds = range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
        return "\(name): must be an integer \(bounds)"
    }
}
