import Hummingbird

/// Mounts the enabled slices' routes (and the kernel's own) on one Hummingbird router.
///
/// Each path also answers the methods it does not serve with 405, so a client can tell
/// a wrong method from a wrong path. Routes of disabled slices are never mounted, so
/// they answer 404. Every slice route runs inside its own share of the ``BodyBudget``,
/// given back when the route has answered.
enum RouterAssembly {
    /// The methods a path answers 405 to when it does not serve them, with an `Allow`
    /// header naming those it does (RFC 9110 §15.5.6): the standard ones and the `QUERY`
    /// method being standardised; `CONNECT` never reaches a router.
    static let answeredMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, query]
    static let query = HTTPRequest.Method("QUERY")!

    static func makeRouter(
        routes: [SliceRoute], guard routeGuard: RouteGuard, bodyBudget: BodyBudget, metrics: HubMetrics
    ) -> Router<HubRequestContext> {
        let router = Router(context: HubRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: ErrorAndLogMiddleware(quietRoutes: Set(routes.filter(\.quietWhenSuccessful).map(\.path))))
        var methodsByPath: [String: Set<HTTPRequest.Method>] = [:]
        var pathOrder: [String] = []
        for route in routes {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await bodyBudget.withReservation { try await routeGuard.respond(to: request, context: context, route: route) }
            }
            if methodsByPath[route.path] == nil { pathOrder.append(route.path) }
            methodsByPath[route.path, default: []].insert(route.method)
        }
        for path in pathOrder {
            let served = methodsByPath[path] ?? []
            let refusal = HubError.methodNotAllowed(allowing: answeredMethods.filter(served.contains))
            for method in answeredMethods where !served.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw refusal
                }
            }
        }
        return router
    }
}
