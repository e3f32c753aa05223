import Foundation
import NIOCore

/// The one JSON encoding the hub speaks on the wire and stores.
///
/// Keys are sorted so that equal values encode to equal bytes (the store compares
/// canonical forms, and tests compare bodies); slashes are not escaped. A property's
/// key is its name in snake_case — `customerID` is written `customer_id`,
/// `webhookURL` `webhook_url` — so a type names its properties the Swift way and
/// declares no `CodingKeys` to spell the contract's names. Only property names are
/// converted: the keys of a dictionary or a ``JSONValue`` object (a desired state, an
/// event payload) are written exactly as they are.
package enum WireJSON {
    /// How the keys of a value's properties are written.
    package enum KeyNames: Sendable {
        /// In snake_case: the hub's own documents.
        case snakeCase
        /// As the type declares them: for documents whose field names a standard fixes
        /// in camelCase, like a DSSE envelope's `payloadType`.
        case asDeclared
    }

    package static func encode<T: Encodable>(_ value: T, keys: KeyNames = .snakeCase) throws -> ByteBuffer {
        ByteBuffer(bytes: try encodeData(value, keys: keys))
    }

    package static func encodeData<T: Encodable>(_ value: T, keys: KeyNames = .snakeCase) throws -> Data {
        try makeEncoder(keys: keys).encode(value)
    }

    package static func encodeString<T: Encodable>(_ value: T, keys: KeyNames = .snakeCase) throws -> String {
        String(decoding: try encodeData(value, keys: keys), as: UTF8.self)
    }

    package static func makeEncoder(keys: KeyNames = .snakeCase) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if keys == .snakeCase {
            encoder.keyEncodingStrategy = .convertToSnakeCase
        }
        return encoder
    }
}
