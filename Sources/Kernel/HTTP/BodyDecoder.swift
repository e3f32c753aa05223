import Foundation
import NIOCore

/// JSON request bodies into values, with errors that name the offending field.
public enum BodyDecoder {
    /// What an empty body is told; bodies read with ``JSONReader`` are told the same.
    public static let emptyBodyMessage = "the request body is empty; a JSON object is expected"
    /// What a body that is not JSON is told.
    public static let invalidJSONMessage = "the request body is not valid JSON"

    public static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, errorCode: String) throws -> T {
        let data = Data(buffer: body, byteTransferStrategy: .noCopy)
        guard !data.isEmpty else { throw HubError.badRequest(errorCode, emptyBodyMessage) }
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

    /// A dotted path like `guests[1].vmid`.
    public static func fieldPath(_ codingPath: [any CodingKey]) -> String {
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
public struct ValidationFailure: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
