/// What the HTTP server allows each client, so that slow, idle or too many clients
/// cannot take the hub away from the agents that report to it.
///
/// A client that opens a connection and sends nothing (or sends its request head a
/// byte at a time) would otherwise hold a file descriptor for ever; enough of them
/// and the hub cannot accept `/healthz`, open its database or answer anyone. Each
/// limit here bounds one way of holding on to the hub's descriptors or memory.
package struct ServerLimits: Sendable, Equatable {
    /// `HUB_HEADER_TIMEOUT_SECONDS`: how long a connection may take to send a complete
    /// request head, counted from when it was accepted or, on a kept-alive
    /// connection, from the first byte of the next request. Never applied while a
    /// body is arriving or a request is being handled.
    package var headerTimeout: Duration
    /// `HUB_IDLE_TIMEOUT_SECONDS`: how long a kept-alive connection may sit between
    /// requests, and how long a request body may go without a single byte arriving.
    package var idleTimeout: Duration
    /// `HUB_MAX_CONNECTIONS`: connections served at once; one more is answered `503`
    /// and closed straight away. `nil` derives it from the descriptor limit
    /// (``defaultMaxConnections(descriptorLimit:)``).
    package var maxConnections: Int?
    /// `HUB_BODY_BUDGET_BYTES`: request body bytes held in memory across all requests
    /// at once; a request that would go over it is answered `503` with `Retry-After`.
    package var bodyBudgetBytes: Int

    package init(
        headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60), maxConnections: Int? = nil,
        bodyBudgetBytes: Int = 64 * 1024 * 1024
    ) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.bodyBudgetBytes = bodyBudgetBytes
    }

    /// The connection cap in force: the configured one, or else the default for the
    /// process's descriptor limit as it is now.
    package var effectiveMaxConnections: Int {
        maxConnections ?? Self.defaultMaxConnections(descriptorLimit: DescriptorLimit.current)
    }

    /// The most connections served when none is configured: 1024, but never so many
    /// that connections could use the descriptors the database, its write-ahead log,
    /// the readers, webhook deliveries and the event loops need. Up to 64 descriptors
    /// (half the limit when the limit is small) are kept back for them; at least one
    /// connection is always allowed.
    package static func defaultMaxConnections(descriptorLimit: Int) -> Int {
        let keptBack = min(64, descriptorLimit / 2)
        return max(1, min(1024, descriptorLimit - keptBack))
    }
}
