import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Elects one leader among the replicas sharing a PostgreSQL database: the replica that
/// holds a session advisory lock, on a connection of its own, leads.
///
/// PostgreSQL releases the lock when that connection ends, so a leader that stops, is
/// killed or loses the database loses the lock with it, and a follower, which tries
/// every ``retryInterval``, takes over. The leader checks its connection every
/// ``retryInterval`` too and stops leading as soon as the check fails. Two replicas may
/// both believe they lead for at most that long; state changes are guarded in the
/// database as well (writes are serialized, and a checker reads a subject's state again
/// inside its write), so a transition is still recorded once.
package struct LeaderElection: Service {
    let address: PostgresAddress
    let leadership: Leadership
    let logger: Logger
    let retryInterval: Duration

    /// The lock's key: any 64-bit number no other user of the database takes (the bytes
    /// of "felhomld").
    static let lockKey: Int64 = 0x6665_6C68_6F6D_6C64

    package init(address: PostgresAddress, leadership: Leadership, logger: Logger, retryInterval: Duration = .seconds(1)) {
        self.address = address
        self.leadership = leadership
        self.logger = logger
        self.retryInterval = retryInterval
    }

    package func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await campaign()
            } catch {
                if leadership.isLeader {
                    leadership.set(leading: false)
                    logger.warning("stopped leading: the connection holding the lead failed", metadata: ["error": "\(PostgresStore.reason(error))"])
                } else {
                    logger.debug("could not run for leader", metadata: ["error": "\(PostgresStore.reason(error))"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: retryInterval) }
        }
    }

    /// One connection's life: try the lock until it is taken, then hold it while the
    /// connection answers. Returns (or throws) when the connection is gone.
    private func campaign() async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try address.connectionConfiguration(), id: 0, logger: logger
        ).get()
        defer {
            leadership.set(leading: false)
            connection.closeInBackground()
        }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // A closed connection holds no lock; a statement sent on it might never be answered.
            guard !connection.isClosed else { throw StoreUnavailable("the connection holding the lead closed") }
            if !leadership.isLeader {
                if try await tryLock(connection) {
                    leadership.set(leading: true)
                    logger.notice("leading: this replica runs the checkers, the prune and webhook delivery")
                }
            } else {
                _ = try await answered(connection.query("SELECT 1", logger: logger))
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: retryInterval) }
        }
        if leadership.isLeader { logger.notice("stopped leading: shutting down") }
    }

    private func tryLock(_ connection: PostgresConnection) async throws -> Bool {
        let rows = try await answered(connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))", logger: logger))
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// The answer to `query`, or a failure once ``retryInterval`` passed twice without
    /// one: a leader that cannot tell whether it still holds the lock stops leading.
    private func answered(_ query: EventLoopFuture<PostgresQueryResult>) async throws -> PostgresQueryResult {
        let patience = TimeAmount.milliseconds(Int64((retryInterval * 2) / .milliseconds(1)))
        return try await withCheckedThrowingContinuation { continuation in
            let waiting = Mutex<CheckedContinuation<PostgresQueryResult, any Error>?>(continuation)
            let answer: @Sendable (Result<PostgresQueryResult, any Error>) -> Void = { result in
                waiting.withLock { waiting in
                    waiting?.resume(with: result)
                    waiting = nil
                }
            }
            let deadline = query.eventLoop.scheduleTask(in: patience) {
                answer(.failure(StoreUnavailable("the connection holding the lead did not answer")))
            }
            query.whenComplete { result in
                deadline.cancel()
                answer(result)
            }
        }
    }
}
