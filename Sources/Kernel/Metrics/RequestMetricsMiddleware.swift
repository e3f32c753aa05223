import Hummingbird

/// Counts every request by method, route pattern and status, and times it by route.
///
/// The outermost middleware, so it sees the status the client gets (errors already
/// turned into JSON by ``ErrorAndLogMiddleware``). The route is the pattern the router
/// matched (`/api/v1/admin/hosts/{host_id}`), never the raw path, so the number of
/// series stays bounded whatever clients send.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let metrics: HubMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: Int(response.status.code), since: started)
            return response
        } catch {
            record(request, context: context, status: 500, since: started)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let route = Self.routeLabel(context.endpointPath)
        metrics.counter(KernelMetrics.httpRequests, [("method", request.method.rawValue), ("route", route), ("status", "\(status)")]).increment()
        metrics.recordDuration(KernelMetrics.httpRequestDuration, [("route", route)], since: started)
    }

    /// The matched pattern, or `unmatched` for a path no route serves.
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath.hasPrefix("/") else { return "unmatched" }
        return endpointPath
    }
}
