import Foundation
import HTTPTypes
import Logging
import NIOCore

/// What a slice's handler is given: the request with its body read and its key
/// resolved.
public struct HubRequest: Sendable {
    public let method: HTTPRequest.Method
    public let path: String
    public let pathParameters: [String: String]
    public let query: [String: String]
    public let headers: HTTPFields
    public let body: ByteBuffer
    /// `nil` only on ``SliceRoute/Access/open`` routes.
    public let principal: Principal?
    public let logger: Logger

    public init(
        method: HTTPRequest.Method, path: String, pathParameters: [String: String] = [:], query: [String: String] = [:],
        headers: HTTPFields = [:], body: ByteBuffer = ByteBuffer(), principal: Principal?, logger: Logger
    ) {
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
        self.principal = principal
        self.logger = logger
    }

    /// A path parameter the route declared; missing means the route is misdeclared.
    public func parameter(_ name: String) throws -> String {
        guard let value = pathParameters[name] else { throw HubError.notFound() }
        return value
    }

    /// The principal of a route that requires a key.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw HubError.unauthorized }
        return principal
    }

    /// Decodes the body as `T`; a body that is not JSON of that shape is a 400 with
    /// `code`, naming the field at fault.
    public func decode<T: Decodable>(_ type: T.Type, errorCode: String) throws -> T {
        try BodyDecoder.decode(type, from: body, errorCode: errorCode)
    }
}
