import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import NIOCore

/// An `Authorization` header carrying `key`.
package func bearer(_ key: String) -> HTTPFields {
    [.authorization: "Bearer \(key)"]
}

/// `text` as a request body.
package func body(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
}

extension TestResponse {
    /// The body as JSON; fails the decode (and so the test) when it is not JSON.
    package func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))
    }

    package var text: String { String(buffer: body) }

    /// The contract's error code, `nil` when the body is not an error object.
    package var errorCode: String? { (try? json())?["error"]?.stringValue }
    package var errorMessage: String { (try? json())?["message"]?.stringValue ?? "" }
}
