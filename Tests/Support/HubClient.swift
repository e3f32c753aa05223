import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Sends JSON to a test hub and reads JSON back.
package struct HubClient: Sendable {
    let client: any TestClientProtocol

    /// Wraps the client Hummingbird's test framework hands a test.
    package init(client: any TestClientProtocol) {
        self.client = client
    }

    package struct Reply: Sendable {
        package let status: Int
        package let body: String
        package var headers: HTTPFields = [:]

        /// The body as a JSON object (empty when it is not one).
        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }

        package var errorCode: String? { json["error"] as? String }
        package var message: String { json["message"] as? String ?? "" }
    }

    package func send(_ method: HTTPRequest.Method, _ path: String, key: String? = nil, body: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: Int(response.status.code), body: String(buffer: response.body), headers: response.headers)
    }

    /// Raw bytes as the body, for bodies that are not text.
    package func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, bytes: [UInt8]) async throws -> Reply {
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: ByteBuffer(bytes: bytes))
        return Reply(status: Int(response.status.code), body: String(buffer: response.body), headers: response.headers)
    }

    /// `value` serialised as JSON first.
    package func send(_ method: HTTPRequest.Method, _ path: String, key: String? = nil, json value: Any) async throws -> Reply {
        try await send(method, path, key: key, body: try JSONText.encode(value))
    }
}

/// JSON text from property-list style values, so it can cross into `@Sendable` code.
package enum JSONText {
    package static func encode(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }
}
