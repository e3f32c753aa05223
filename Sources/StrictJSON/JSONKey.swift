/// The key of an object member, as bytes: comparing it with a known name costs no
/// `String`, which matters when every member of every report is compared.
///
/// Compare with `==` or match it in a `switch` against string literals:
///
/// ```swift
/// switch key {
/// case "host_id": hostID = try reader.readString()
/// default: try reader.skipValue()
/// }
/// ```
package struct JSONKey: Sendable, Hashable, CustomStringConvertible {
    /// The key's UTF-8 bytes, escapes already decoded: `"\u0061"` is the key `a`.
    package let utf8: ArraySlice<UInt8>

    package init(utf8: ArraySlice<UInt8>) {
        self.utf8 = utf8
    }

    /// The key as a string, for keys the caller keeps.
    package var string: String { String(decoding: utf8, as: UTF8.self) }

    package var description: String { string }

    /// The bytes hashed in one go rather than one by one: large objects keep their keys
    /// in a set (see ``JSONReader``'s duplicate check).
    package func hash(into hasher: inout Hasher) {
        utf8.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    package static func == (key: JSONKey, name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
            key.utf8.count == name.count && key.utf8.withUnsafeBufferPointer { key in
                for index in 0..<name.count where key[index] != name[index] { return false }
                return true
            }
        }
    }

    package static func ~= (name: StaticString, key: JSONKey) -> Bool {
        key == name
    }
}
