import Kernel
import NIOCore

/// JSON an operator types into a dashboard form, read by the rules the admin API reads
/// its bodies by: the form stands for an API body, so it is checked as that body would
/// be, with the same messages.
enum FormJSON {
    /// The JSON text of field `field`, read as strictly as a request body is (no
    /// duplicate keys, no U+0000); 400 `errorCode` naming the field otherwise.
    static func value(_ text: String, field: String, errorCode: String) throws -> JSONValue {
        do {
            return try BodyDecoder.decode(JSONValue.self, from: ByteBuffer(string: text), errorCode: errorCode)
        } catch let error as HubError {
            let problem = error.message == BodyDecoder.invalidJSONMessage ? "is not valid JSON" : error.message
            throw HubError.badRequest(errorCode, "\(field): \(problem)")
        }
    }

    /// The API body `members` make, decoded into `type` as the API decodes it, so that
    /// every rule of the body (required members, ranges, depth) holds for the form too.
    static func decode<Body: Decodable>(_ type: Body.Type, from members: [String: JSONValue], errorCode: String) throws -> Body {
        let text = try WireJSON.encodeString(JSONValue.object(members))
        return try BodyDecoder.decode(type, from: ByteBuffer(string: text), errorCode: errorCode)
    }
}
