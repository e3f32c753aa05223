import HTTPTypes
import NIOCore

/// What a handler answers.
public struct HubResponse: Sendable {
    public var status: HTTPResponse.Status
    public var headers: HTTPFields
    public var body: ByteBuffer

    public init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: ByteBuffer = ByteBuffer()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `value` as the body, in the hub's one JSON encoding.
    public static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> HubResponse {
        HubResponse(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: try WireJSON.encode(value))
    }

    /// Bytes already encoded as JSON, served unchanged.
    public static func rawJSON(_ bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> HubResponse {
        HubResponse(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: bytes)
    }
}
