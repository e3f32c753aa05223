import HTTPTypes

/// One endpoint a slice serves, as the kernel mounts it.
///
/// The kernel does everything before the handler: the flag gate (404 while off), the
/// key check (401 without a known key, 403 for a key of the wrong kind) and reading the
/// body up to ``bodyLimit`` (400 `body_too_large` beyond it).
package struct SliceRoute: Sendable {
    package let method: HTTPRequest.Method
    /// A Hummingbird route path; `{name}` captures a parameter.
    package let path: String
    package let access: Access
    package let bodyLimit: Int
    /// A flag that must be on (globally) for the route to exist.
    package let gate: String?
    /// A heartbeat route: every agent calls it all the time, so its successes are
    /// logged at debug (metrics count them); its failures are logged like any other.
    package let quietWhenSuccessful: Bool
    package let handler: @Sendable (HubRequest) async throws -> HubResponse

    package init(
        _ method: HTTPRequest.Method, _ path: String, access: Access, bodyLimit: Int = 64 * 1024,
        gate: String? = nil, quietWhenSuccessful: Bool = false,
        handler: @escaping @Sendable (HubRequest) async throws -> HubResponse
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.bodyLimit = bodyLimit
        self.gate = gate
        self.quietWhenSuccessful = quietWhenSuccessful
        self.handler = handler
    }

    /// Which keys may call a route.
    package enum Access: Sendable, Equatable {
        /// No key needed.
        case open
        /// A key of one of these kinds; a known key of another kind is 403.
        case kinds(Set<PrincipalKind>)
        /// A key of one of these kinds; any other key is answered as if unknown (401): for
        /// a path from which the other kinds were removed for good, so that an old agent
        /// holding one is told its key is no longer a key here (after the cutover, customer
        /// and global keys on `POST /api/v1/report`).
        case exclusively(Set<PrincipalKind>)

        /// The global key only: the admin API.
        package static let global = Access.kinds([.global])
    }
}
