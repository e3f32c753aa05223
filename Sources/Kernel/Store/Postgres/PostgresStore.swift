import Dispatch
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The hub's database on PostgreSQL: a few pooled connections, transactions run on
/// threads of its own (each statement blocks its thread, as SQLite's do; waiting for a
/// connection does not, see ``AsyncSlots``), and the same guarantees the SQLite store
/// gives.
///
/// - Writes are serialized across every replica by a transaction-scoped advisory lock,
///   exactly as SQLite has one writer: a checker's read-then-move, an op's sequence
///   number and a migration see the last committed write, whichever replica made it.
///   Availability, not write volume, is why a fleet runs several replicas; group commit
///   keeps throughput (see the README's figures).
/// - Reads run in a read-only REPEATABLE READ transaction: one snapshot, as a GRDB read.
/// - Commits wait for the server's WAL flush (`synchronous_commit = on`, set on every
///   connection), so an answer
///   given after a commit survives a crash of PostgreSQL's machine.
///
/// A connection that fails is dropped; the next use opens a new one. While PostgreSQL
/// cannot be reached, uses fail at once with ``StoreUnavailable`` (a 503 to clients),
/// retrying the server no more often than a backoff that grows to five seconds.
package final class PostgresStore: Sendable {
    package let address: PostgresAddress
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let idle = Mutex<[PooledConnection]>([])
    /// One per connection: a transaction holds one from before its thread is taken.
    private let slots: AsyncSlots
    private let workers = DispatchQueue(label: "hub.postgres", attributes: .concurrent)
    private let outage = Mutex<Outage>(Outage())
    private let connectionIDs = Atomic<Int>(0)
    /// Set by ``close()``: a closed store opens no connection again, as a closed SQLite
    /// pool refuses its work.
    private let closed = Atomic<Bool>(false)
    private let notifications = DispatchGroup()

    /// The lock every write transaction takes: any 64-bit number no other user of the
    /// database takes (these are the bytes of "felhomwr").
    static let writerLock: Int64 = 0x6665_6C68_6F6D_7772

    struct Outage {
        var failures = 0
        var retryAt: ContinuousClock.Instant?
    }

    package convenience init(address: PostgresAddress, connections: Int = 8, logger: Logger) throws {
        // Made before the store: a throw from a half-made store trips the optimizer
        // (Swift 6.3 crashes on releasing its atomics in a throwing initializer).
        self.init(address: address, configuration: try address.connectionConfiguration(), connections: connections, logger: logger)
    }

    private init(address: PostgresAddress, configuration: PostgresConnection.Configuration, connections: Int, logger: Logger) {
        self.address = address
        self.configuration = configuration
        self.slots = AsyncSlots(connections)
        self.logger = logger
    }

    /// Runs `work` in a read-only snapshot.
    package func read<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        try await onWorker { try self.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") { try work($0) } }
    }

    /// Runs `work` in a write transaction, after every other replica's write has committed.
    package func write<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        try await onWorker {
            try self.transaction(begin: "BEGIN") { session in
                session.holdBack(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [Self.writerLock])
                return try work(session)
            }
        }
    }

    /// Runs `work` with a connection outside any transaction, for what cannot run inside
    /// one (`CREATE DATABASE`, `ALTER DATABASE`).
    package func withConnection<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        try await onWorker {
            try self.leased { connection in try work(PostgresSession(connection: connection, logger: self.logger)) }
        }
    }

    /// Runs the write `batch` makes in one transaction on a worker thread and tells
    /// `finish` how it ended: what ``GroupCommit`` uses to share a commit.
    func writeInBackground(_ batch: @escaping @Sendable (any DatabaseSession) -> Void, finish: @escaping @Sendable ((any Error)?) -> Void) {
        inBackground {
            do {
                try self.transaction(begin: "BEGIN") { session in
                    session.holdBack(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [Self.writerLock])
                    batch(session)
                }
                finish(nil)
            } catch {
                finish(error)
            }
        }
    }

    /// Sends `NOTIFY channel` without making the caller wait; ``close()`` waits for the
    /// ones still under way, so a command that changed something tells the servers before
    /// it exits.
    func notify(channel: String) {
        notifications.enter()
        inBackground {
            defer { self.notifications.leave() }
            do {
                try self.leased { connection in
                    try PostgresSession(connection: connection, logger: self.logger)
                        .execute(sql: "SELECT pg_notify(?, '')", arguments: [channel])
                }
            } catch {
                self.logger.warning("could not tell the other replicas of a change", metadata: ["error": "\(Self.reason(error))"])
            }
        }
    }

    package func close() {
        _ = notifications.wait(timeout: .now() + 5)
        closed.store(true, ordering: .sequentiallyConsistent)
        let connections = idle.withLock { idle in
            defer { idle.removeAll() }
            return idle
        }
        for connection in connections { try? connection.connection.close().wait() }
    }

    deinit {
        // A store dropped without close() (a test's hub) still ends its connections.
        for connection in idle.withLock({ $0 }) { connection.close() }
    }

    /// Runs `work` on a worker thread once a connection's slot is free.
    private func onWorker<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        await slots.acquire()
        return try await withCheckedThrowingContinuation { continuation in
            workers.async {
                defer { self.slots.release() }
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// ``onWorker(_:)`` for callers that do not wait (they are told by `work` itself).
    private func inBackground(_ work: @escaping @Sendable () -> Void) {
        Task {
            await slots.acquire()
            workers.async {
                defer { self.slots.release() }
                work()
            }
        }
    }

    private func transaction<T>(begin: String, _ work: (PostgresSession) throws -> T) throws -> T {
        try leased { connection in
            let session = PostgresSession(connection: connection, logger: logger)
            session.holdBack(sql: begin)
            do {
                let value = try work(session)
                try session.execute(sql: "COMMIT")
                return value
            } catch {
                if !connection.isClosed { try? session.execute(sql: "ROLLBACK") }
                throw error
            }
        }
    }

    /// Lends a connection for `body`: an idle one, or a new one while fewer than the
    /// pool's size are open. A connection that closed underneath is not given back.
    private func leased<T>(_ body: (PooledConnection) throws -> T) throws -> T {
        guard !closed.load(ordering: .sequentiallyConsistent) else { throw StoreUnavailable("the hub closed its database") }
        var reused = idle.withLock { $0.popLast() }
        // One the server closed while it sat idle (a restart) is dropped, not used.
        while let candidate = reused, candidate.isClosed {
            candidate.close()
            reused = idle.withLock { $0.popLast() }
        }
        let connection = try reused ?? connect()
        do {
            let value = try body(connection)
            if !connection.isClosed { idle.withLock { $0.append(connection) } }
            return value
        } catch {
            if connection.isClosed || Self.isConnectionFailure(error) {
                connection.close()
                let reason = "the connection to \(address) was lost (\(Self.reason(error)))"
                noteFailure(reason, backoff: false)
                throw StoreUnavailable(reason)
            }
            idle.withLock { $0.append(connection) }
            throw error
        }
    }

    private func connect() throws -> PooledConnection {
        let now = ContinuousClock.now
        if let retryAt = outage.withLock({ $0.retryAt }), now < retryAt {
            throw StoreUnavailable("\(address) could not be reached; retrying shortly")
        }
        do {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                id: connectionIDs.add(1, ordering: .relaxed).newValue, logger: logger
            ).wait()
            let pooled = PooledConnection(connection)
            // Whatever the server's default, a commit the hub answers after is on its disk.
            _ = try pooled.query("SET synchronous_commit TO on", logger: logger)
            let recovered = outage.withLock { outage in
                defer { outage = Outage() }
                return outage.failures > 0
            }
            if recovered { logger.notice("PostgreSQL is reachable again", metadata: ["database": "\(address)"]) }
            return pooled
        } catch {
            noteFailure(Self.reason(error), backoff: true)
            throw StoreUnavailable("\(address) could not be reached (\(Self.reason(error)))")
        }
    }

    /// Counts a failure of the database (a lost connection, or a connection refused) and
    /// logs the first of an outage and every 20th after it. A refused connection also
    /// holds back the next attempt: 100 ms, 200 ms, 400 ms, … up to 5 s.
    private func noteFailure(_ reason: String, backoff: Bool) {
        let failures = outage.withLock { outage in
            outage.failures += 1
            if backoff {
                let delay = min(5_000, 100 << min(outage.failures - 1, 6))
                outage.retryAt = ContinuousClock.now + .milliseconds(delay)
            }
            return outage.failures
        }
        if failures == 1 || failures.isMultiple(of: 20) {
            logger.error("PostgreSQL cannot be reached", metadata: [
                "database": "\(address)", "error": "\(reason)", "failures": "\(failures)",
            ])
        }
    }

    /// Errors that mean the connection, not the statement, failed.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if error is StoreUnavailable || error is ChannelError || error is IOError { return true }
        if let error = error as? PSQLError {
            if [.clientClosedConnection, .serverClosedConnection, .uncleanShutdown, .connectionError].contains(error.code) { return true }
            // Class 08 (connection exception) and 57 (operator intervention: the server
            // shutting down or restarting) end the connection, not only the statement.
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57")
        }
        return false
    }

    /// What an error says without the statement text it may carry.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            return error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
        }
        return "\(error)"
    }
}
