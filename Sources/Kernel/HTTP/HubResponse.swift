import HTTPTypes
import NIOCore

/// What a handler answers.
package struct HubResponse: Sendable {
    package var status: HTTPResponse.Status
    package var headers: HTTPFields
    package var body: ByteBuffer

    package init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `value` as the body, in the hub's one JSON encoding.
    package static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> HubResponse {
        HubResponse(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: try WireJSON.encode(value))
    }

    /// 204: done, nothing to say.
    package static let noContent = HubResponse(status: .noContent)

    /// Bytes already encoded as JSON, served unchanged.
    package static func rawJSON(_ bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> HubResponse {
        HubResponse(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: bytes)
    }
}
