import Hummingbird
import Logging
import ServiceLifecycle

/// The hub ready to serve: its routes, ticker, key registry and the slices' services.
public struct AssembledHub: Sendable {
    public let runtime: HubRuntime
    public let responder: RouterResponder<BasicRequestContext>
    public let ticker: Ticker
    public let auth: AuthRegistry
    /// The enabled slices' long-running parts, run beside the server and the ticker.
    public let services: [any Service]

    /// The HTTP server on the configured address (or `port` when given, 0 for any).
    public func application(port: Int? = nil, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let configuration = runtime.configuration
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.listenHost, port: port ?? configuration.listenPort), serverName: "felhom-hub"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: runtime.logger
        )
    }

    /// Serves until SIGINT or SIGTERM: in-flight requests finish, the ticker and the
    /// slices' services stop, then the database is closed.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    application(onServerRunning: onServerRunning), ticker,
                    WALCheckpointer(file: runtime.database.file, logger: runtime.logger),
                ] + services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: runtime.logger
            )
        )
        try await group.run()
        try runtime.close()
    }
}
