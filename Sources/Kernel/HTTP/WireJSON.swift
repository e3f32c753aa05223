import Foundation
import NIOCore

/// The one JSON encoding the hub speaks on the wire and stores.
///
/// Keys are sorted so that equal values encode to equal bytes (the store compares
/// canonical forms, and tests compare bodies); slashes are not escaped.
public enum WireJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> ByteBuffer {
        ByteBuffer(bytes: try encodeData(value))
    }

    public static func encodeData<T: Encodable>(_ value: T) throws -> Data {
        try makeEncoder().encode(value)
    }

    public static func encodeString<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encodeData(value), as: UTF8.self)
    }

    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
