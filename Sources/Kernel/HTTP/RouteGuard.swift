import Hummingbird
import NIOCore

/// Everything the kernel does for a route before its handler: the key check, the flag
/// gate, reading the body within its limit. (Flags and keys notice changes made by
/// other processes themselves.)
///
/// The key is checked before the gate: a caller without a key must not learn which
/// switches are on (a gated route answers 401 to it either way, 404 only to a caller
/// allowed to know that the route is off).
struct RouteGuard: Sendable {
    let auth: AuthRegistry
    let flags: FlagBook

    func respond(to request: Request, context: HubRequestContext, route: SliceRoute) async throws -> Response {
        let principal = try await authorize(request, access: route.access)
        if let gate = route.gate, try await !flags.isEnabled(gate) {
            throw HubError.notFound()
        }
        let body = try await readBody(request, limit: route.bodyLimit)
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where query[String(name)] == nil {
            query[String(name)] = String(value)
        }
        let parameters = try PathParameters.decoded(context.parameters)
        let hubRequest = HubRequest(
            method: request.method, path: request.uri.path, pathParameters: parameters, query: query,
            headers: request.headers, body: body, principal: principal, peer: context.peer, logger: context.logger
        )
        let answer = try await route.handler(hubRequest)
        return Response(status: answer.status, headers: answer.headers, body: .init(byteBuffer: answer.body))
    }

    private func authorize(_ request: Request, access: SliceRoute.Access) async throws -> Principal? {
        let kinds: Set<PrincipalKind>
        let otherKinds: HubError
        switch access {
        case .open: return nil
        case .kinds(let accepted): (kinds, otherKinds) = (accepted, .forbidden)
        case .exclusively(let accepted): (kinds, otherKinds) = (accepted, .unauthorized)
        }
        guard let principal = try await auth.authenticate(authorization: request.headers[.authorization], expected: kinds) else {
            throw HubError.unauthorized
        }
        guard kinds.contains(principal.kind) else { throw otherKinds }
        return principal
    }

    private func readBody(_ request: Request, limit: Int) async throws -> ByteBuffer {
        try await BodyReader.read(request, limit: limit)
    }
}
