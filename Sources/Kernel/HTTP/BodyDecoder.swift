import StrictJSON
import Foundation
import NIOCore

/// JSON request bodies into values, with errors that name the offending field.
///
/// A body is read twice: once whole by the strict ``JSONReader``, then by Foundation's
/// `JSONDecoder` into its type. `JSONDecoder` alone checks only the members it decodes,
/// keeps the first of two members with the same key (where Python, JavaScript and Go
/// keep the last) and lets U+0000 through into strings that SQLite then cuts short.
/// The first pass refuses all of that anywhere in the body, at every depth, so every
/// route holds to the rules of the host report without listing its fields, and a new
/// route gets them for free. Bodies that come this way are small and rare (the ingest
/// path reads its own with the reader alone), so the second pass costs nothing that
/// matters.
package enum BodyDecoder {
    /// What an empty body is told; bodies read with ``JSONReader`` are told the same.
    package static let emptyBodyMessage = "the request body is empty; a JSON object is expected"
    /// What a body that is not JSON is told.
    package static let invalidJSONMessage = "the request body is not valid JSON"

    package static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, errorCode: String) throws -> T {
        let data = Data(buffer: body, byteTransferStrategy: .noCopy)
        guard !data.isEmpty else { throw HubError.badRequest(errorCode, emptyBodyMessage) }
        var reader = JSONReader(buffer: body)
        do {
            try reader.skipValue()
            try reader.finish()
        } catch {
            throw HubError.badRequest(errorCode, message(for: error))
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw HubError.badRequest(errorCode, describe(error))
        } catch let failure as ValidationFailure {
            throw HubError.badRequest(errorCode, failure.message)
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.badRequest(errorCode, invalidJSONMessage)
        }
    }

    /// What a client is told when ``JSONReader`` refuses its body: the field at fault
    /// for what JSON allows and the hub does not; for the rest, that it is not JSON.
    package static func message(for error: JSONError) -> String {
        switch error.reason {
        case .duplicateKey: "\(error.path): duplicate key"
        case .nulCharacter(inKey: false): "\(error.path): must not contain U+0000"
        case .nulCharacter(inKey: true): error.path.isEmpty ? "keys must not contain U+0000" : "\(error.path): keys must not contain U+0000"
        default: invalidJSONMessage
        }
    }

    /// A dotted path like `guests[1].vmid`.
    package static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            let field = fieldPath(context.codingPath + [key])
            return "\(field): required field is missing"
        case .valueNotFound(_, let context):
            return "\(fieldPath(context.codingPath)): must not be null"
        case .typeMismatch(let expected, let context):
            return "\(fieldPath(context.codingPath)): must be \(typeName(expected))"
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? ValidationFailure { return underlying.message }
            let field = fieldPath(context.codingPath)
            return field.isEmpty ? invalidJSONMessage : "\(field): \(context.debugDescription)"
        @unknown default:
            return "the request body does not have the expected shape"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: type == [String: Any].self ? "an object" : "of another type (\(type))"
        }
    }
}

/// A rule a decoded value broke, thrown from `init(from:)`; its message names the field.
package struct ValidationFailure: Error, Sendable {
    package let message: String
    package init(_ message: String) { self.message = message }
}
