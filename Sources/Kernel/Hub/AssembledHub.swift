import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// The hub ready to serve: its routes, ticker, daily prune, key registry and the
/// slices' services.
package struct AssembledHub: Sendable {
    package let runtime: HubRuntime
    package let responder: RouterResponder<HubRequestContext>
    package let ticker: Ticker
    package let pruning: PruneService
    package let auth: AuthRegistry
    /// The OpenAPI document of the routes it serves (`GET /api/v1/openapi.json`).
    package let api: APIDocument
    /// The enabled slices' long-running parts, run beside the server and the ticker.
    package let services: [any Service]
    /// The enabled slices' parts that run on the leading replica only.
    package let leaderServices: [any Service]
    /// Whether this replica leads: always on SQLite, elected on PostgreSQL.
    package let leadership: Leadership

    /// The HTTP server on the configured address (or `port` when given, 0 for any),
    /// with the configuration's ``ServerLimits``: head and idle timeouts, the
    /// connection cap, and a pause instead of a busy loop when descriptors run out.
    package func application(port: Int? = nil, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let configuration = runtime.configuration
        let limits = configuration.serverLimits
        let connectionCap = limits.effectiveMaxConnections
        let logger = runtime.logger
        return Application(
            responder: responder,
            server: HTTPServerBuilder { responder in
                GuardedHTTP1Channel(responder: responder, limits: limits, connectionCap: connectionCap)
            },
            configuration: .init(address: .hostname(configuration.listenHost, port: port ?? configuration.listenPort), serverName: "felhom-hub"),
            onServerRunning: { channel in
                try? await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(DescriptorExhaustionBackoff(logger: logger), position: .first)
                }.get()
                logger.info("connection limits", metadata: [
                    "max_connections": .stringConvertible(connectionCap),
                    "header_timeout_s": .stringConvertible(limits.headerTimeout.components.seconds),
                    "idle_timeout_s": .stringConvertible(limits.idleTimeout.components.seconds),
                    "body_budget_bytes": .stringConvertible(limits.bodyBudgetBytes),
                ])
                await onServerRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
    }

    /// Serves until SIGINT or SIGTERM: in-flight requests finish, the ticker and the
    /// slices' services stop, then the database is closed. Large freed blocks go back
    /// to the system at once (``MallocMmapThreshold``).
    package func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        if MallocMmapThreshold.fix(at: 128 * 1024) {
            runtime.logger.debug("large allocations go back to the system when freed", metadata: ["threshold_bytes": "131072"])
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [application(onServerRunning: onServerRunning)]
                    + ([ticker, pruning] + leaderServices).map { LeaderOnlyService($0, leadership: leadership) }
                    + storeServices + services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: runtime.logger
            )
        )
        try await group.run()
        leadership.set(leading: false)
        try runtime.close()
    }

    /// What the store needs running: SQLite's checkpoints; PostgreSQL's election and the
    /// listener that hears other replicas' changes.
    private var storeServices: [any Service] {
        let logger = runtime.logger
        switch runtime.database.engine {
        case .sqlite(_, let file):
            return [WALCheckpointer(file: file, logger: logger)]
        case .postgres(let store):
            return [LeaderElection(address: store.address, leadership: leadership, logger: logger)] + (changeListener.map { [$0] } ?? [])
        }
    }

    /// What hears other replicas' (and the command line's) changes on PostgreSQL; `nil`
    /// on SQLite, whose change file needs no listener.
    package var changeListener: PostgresChangeListener? {
        guard case .postgres(let store) = runtime.database.engine, let token = runtime.beacon.token as? NotifiedChangeToken else { return nil }
        return PostgresChangeListener(address: store.address, token: token, logger: runtime.logger)
    }
}
