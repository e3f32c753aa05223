import Hummingbird
import NIOCore

/// A failure the hub reports to its caller, with a code from the contract.
///
/// Every handler throws `HubError`; the kernel turns it into the contract's
/// `{"error": "<code>", "message": "<human text>"}` body with ``status``. Slices
/// never build error responses by hand, so the status of each code is decided here.
package struct HubError: Error, Sendable, Equatable {
    package let status: HTTPResponse.Status
    package let code: String
    package let message: String
    /// Fields the answer carries besides the body: `Retry-After` on a 503 that a
    /// client should retry, `Connection: close` when the connection cannot be reused.
    package let headers: HTTPFields

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    package static func badRequest(_ code: String, _ message: String) -> HubError {
        HubError(.badRequest, code, message)
    }

    package static func notFound(_ message: String = "no such resource") -> HubError {
        HubError(.notFound, "not_found", message)
    }

    package static func conflict(_ code: String, _ message: String) -> HubError {
        HubError(.conflict, code, message)
    }

    package static let unauthorized = HubError(.unauthorized, "unauthorized", "a valid API key is required")
    package static let forbidden = HubError(.forbidden, "forbidden", "this key may not call this endpoint")
    package static let bodyTooLarge = HubError(.badRequest, "body_too_large", "the request body is larger than this endpoint accepts")
    package static let internalError = HubError(.internalServerError, "internal", "the hub failed to handle this request; it has been logged")
    /// 405 for a path that serves `allowed` only, which the `Allow` header names.
    package static func methodNotAllowed(allowing allowed: [HTTPRequest.Method]) -> HubError {
        HubError(
            .methodNotAllowed, "method_not_allowed", "this path does not accept this method",
            headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
        )
    }
    /// The request body's framing was broken (a chunk size that is not a number, a bad
    /// terminator) or the client went away before sending all of it. What was read
    /// cannot be trusted and the connection cannot carry another request, so it closes.
    package static let malformedBody = HubError(
        .badRequest, "bad_request", "the request body was cut short or its chunked framing is broken", headers: [.connection: "close"]
    )
    /// The database cannot be reached right now (``StoreUnavailable``): nothing was stored,
    /// and the same request is welcome again in a moment.
    package static let storeUnavailable = HubError(
        .serviceUnavailable, "store_unavailable", "the hub's database cannot be reached; retry shortly", headers: [.retryAfter: "2"]
    )
    /// The hub already holds as many request bodies in memory as its budget allows
    /// (`HUB_BODY_BUDGET_BYTES`); the same request is welcome a moment later.
    package static let bodyBudgetExhausted = HubError(
        .serviceUnavailable, "busy", "the hub is reading as many request bodies as it can hold; retry shortly", headers: [.retryAfter: "1"]
    )
}

extension HubError: HTTPResponseError {
    package func response(from request: Request, context: some RequestContext) throws -> Response {
        ErrorBody(error: code, message: message).response(status: status, headers: headers)
    }
}

/// The contract's error body.
struct ErrorBody: Encodable {
    let error: String
    let message: String

    func response(status: HTTPResponse.Status, headers extra: HTTPFields = [:]) -> Response {
        let bytes = (try? WireJSON.encode(self)) ?? ByteBuffer(string: #"{"error":"internal","message":"encoding failed"}"#)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }
}
