import Foundation
import Hummingbird
import Logging

/// The outermost middleware: every failure leaves as the contract's JSON error (404 and
/// 405 from the router included, never HTML or a trace), and every request is logged
/// once with method, path, status and duration — never its headers, so never a key.
/// Successes of heartbeat routes (``SliceRoute/quietWhenSuccessful``) go to debug; a
/// client's mistake (4xx) is info, a 503 telling a client to come back later is a
/// warning, and only the hub's own failures are errors. An unexpected error's
/// description is cut to ``LoggedError/limit`` characters, since some errors carry
/// whole SQL statements or bodies.
struct ErrorAndLogMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    /// Route paths whose successful requests are logged at debug.
    let quietRoutes: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as HubError {
            response = ErrorBody(error: error.code, message: error.message).response(status: error.status, headers: error.headers)
        } catch let error as StoreUnavailable {
            // Already logged by the store, once per outage rather than per request.
            context.logger.debug("request refused while the database is unavailable", metadata: ["reason": "\(error.reason)"])
            let failure = HubError.storeUnavailable
            response = ErrorBody(error: failure.code, message: failure.message).response(status: failure.status, headers: failure.headers)
        } catch let error as HTTPError {
            response = Self.contractError(for: error.status).response(status: error.status == .contentTooLarge ? .badRequest : error.status)
        } catch {
            context.logger.error("request failed", metadata: ["error": LoggedError.metadata(error)])
            let failure = HubError.internalError
            response = ErrorBody(error: failure.code, message: failure.message).response(status: failure.status)
        }
        let elapsed = ContinuousClock.now - started
        let status = response.status.code
        let quiet = status < 400 && context.endpointPath.map(quietRoutes.contains) == true
        context.logger.log(level: Self.level(status: status, quiet: quiet), "request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "route": "\(context.endpointPath ?? "-")",
            "status": .stringConvertible(Int(response.status.code)),
            "duration_ms": .stringConvertible(elapsed.milliseconds),
        ])
        return response
    }

    static func level(status: Int, quiet: Bool) -> Logger.Level {
        switch status {
        case 503: .warning
        case 500...: .error
        default: quiet ? .debug : .info
        }
    }

    static func contractError(for status: HTTPResponse.Status) -> ErrorBody {
        switch status {
        case .notFound: ErrorBody(error: "not_found", message: "no such resource")
        case .methodNotAllowed: ErrorBody(error: "method_not_allowed", message: "this path does not accept this method")
        case .contentTooLarge: ErrorBody(error: HubError.bodyTooLarge.code, message: HubError.bodyTooLarge.message)
        case .badRequest: ErrorBody(error: "bad_request", message: "the request could not be read")
        default: ErrorBody(error: "http_\(status.code)", message: status.reasonPhrase)
        }
    }
}
