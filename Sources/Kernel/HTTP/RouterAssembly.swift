import Hummingbird

/// Mounts the enabled slices' routes (and the kernel's own) on one Hummingbird router.
///
/// Each path also answers the methods it does not serve with 405, so a client can tell
/// a wrong method from a wrong path. Routes of disabled slices are never mounted, so
/// they answer 404. Every slice route runs inside its own share of the ``BodyBudget``,
/// given back when the route has answered.
enum RouterAssembly {
    static let answeredMethods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]

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
            for method in answeredMethods where !served.contains(method) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HubError.methodNotAllowed
                }
            }
        }
        return router
    }
}
