import Foundation
import HTTPTypes
import Logging
import NIOCore

/// What a slice's handler is given: the request with its body read and its key
/// resolved.
package struct HubRequest: Sendable {
    package let method: HTTPRequest.Method
    package let path: String
    package let pathParameters: [String: String]
    package let query: [String: String]
    package let headers: HTTPFields
    package let body: ByteBuffer
    /// `nil` only on ``SliceRoute/Access/open`` routes.
    package let principal: Principal?
    /// The peer, for limits that count by client; `nil` when unknown.
    package let peer: SocketAddress?
    package let logger: Logger

    package init(
        method: HTTPRequest.Method, path: String, pathParameters: [String: String] = [:], query: [String: String] = [:],
        headers: HTTPFields = [:], body: ByteBuffer = ByteBuffer(), principal: Principal?, peer: SocketAddress? = nil, logger: Logger
    ) {
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
        self.principal = principal
        self.peer = peer
        self.logger = logger
    }

    /// The peer's IP address without its port, worked out only by the routes that ask.
    package var clientAddress: String? {
        peer?.ipAddress
    }

    /// A path parameter the route declared; missing means the route is misdeclared.
    package func parameter(_ name: String) throws -> String {
        guard let value = pathParameters[name] else { throw HubError.notFound() }
        return value
    }

    /// The principal of a route that requires a key.
    package func requirePrincipal() throws -> Principal {
        guard let principal else { throw HubError.unauthorized }
        return principal
    }

    /// Decodes the body as `T`; a body that is not JSON of that shape is a 400 with
    /// `code`, naming the field at fault.
    package func decode<T: Decodable>(_ type: T.Type, errorCode: String) throws -> T {
        try BodyDecoder.decode(type, from: body, errorCode: errorCode)
    }
}
