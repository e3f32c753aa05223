import Hummingbird
import NIOCore

/// A failure the hub reports to its caller, with a code from the contract.
///
/// Every handler throws `HubError`; the kernel turns it into the contract's
/// `{"error": "<code>", "message": "<human text>"}` body with ``status``. Slices
/// never build error responses by hand, so the status of each code is decided here.
public struct HubError: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static func badRequest(_ code: String, _ message: String) -> HubError {
        HubError(.badRequest, code, message)
    }

    public static func notFound(_ message: String = "no such resource") -> HubError {
        HubError(.notFound, "not_found", message)
    }

    public static func conflict(_ code: String, _ message: String) -> HubError {
        HubError(.conflict, code, message)
    }

    public static let unauthorized = HubError(.unauthorized, "unauthorized", "a valid API key is required")
    public static let forbidden = HubError(.forbidden, "forbidden", "this key may not call this endpoint")
    public static let bodyTooLarge = HubError(.badRequest, "body_too_large", "the request body is larger than this endpoint accepts")
    public static let internalError = HubError(.internalServerError, "internal", "the hub failed to handle this request; it has been logged")
    public static let methodNotAllowed = HubError(.methodNotAllowed, "method_not_allowed", "this path does not accept this method")
}

extension HubError: HTTPResponseError {
    public var headers: HTTPFields { [:] }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        ErrorBody(error: code, message: message).response(status: status)
    }
}

/// The contract's error body.
struct ErrorBody: Encodable {
    let error: String
    let message: String

    func response(status: HTTPResponse.Status) -> Response {
        let bytes = (try? WireJSON.encode(self)) ?? ByteBuffer(string: #"{"error":"internal","message":"encoding failed"}"#)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: bytes)
        )
    }
}
