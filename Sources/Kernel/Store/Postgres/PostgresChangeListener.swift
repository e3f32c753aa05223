import Logging
import NIOPosix
import PostgresNIO
import ServiceLifecycle

/// Listens, on a connection of its own, for the changes other replicas announce
/// (``NotifiedChangeToken``), so a flag set or a key revoked on one replica is obeyed by
/// this one at its next request. After the connection was lost, a change may have gone
/// unheard: the token moves once on reconnecting, and the caches reload.
package struct PostgresChangeListener: Service {
    let address: PostgresAddress
    let token: NotifiedChangeToken
    let logger: Logger
    let retryInterval: Duration

    package init(address: PostgresAddress, token: NotifiedChangeToken, logger: Logger, retryInterval: Duration = .seconds(1)) {
        self.address = address
        self.token = token
        self.logger = logger
        self.retryInterval = retryInterval
    }

    package func run() async throws {
        var connectedBefore = false
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try address.connectionConfiguration(), id: 1, logger: logger
                ).get()
                defer { connection.closeInBackground() }
                let reconnected = connectedBefore
                connectedBefore = true
                try await cancelWhenGracefulShutdown {
                    try await connection.listen(on: NotifiedChangeToken.channel) { notifications in
                        if reconnected { token.heard() }
                        for try await _ in notifications { token.heard() }
                    }
                }
            } catch {
                if !Task.isShuttingDownGracefully {
                    logger.warning("not hearing other replicas' changes; reconnecting", metadata: ["error": "\(PostgresStore.reason(error))"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: retryInterval) }
        }
    }
}
