import Dispatch
import Logging
import PostgresNIO
import Synchronization

/// A connection of ``PostgresStore``'s pool, whose statements wait for their answer on the
/// calling thread and never wait longer than the connection lives.
///
/// PostgresNIO hands a statement sent on a connection the server has just closed (a
/// restart, `pg_terminate_backend`) to a channel that is already gone, and its answer then
/// never comes. The one statement in flight is therefore also ended by the connection's
/// own close, whichever happens first.
final class PooledConnection: Sendable {
    let connection: PostgresConnection
    private let inFlight = Mutex<(@Sendable (Result<PostgresQueryResult, any Error>) -> Void)?>(nil)

    init(_ connection: PostgresConnection) {
        self.connection = connection
        connection.closeFuture.whenComplete { [weak self] _ in
            let finish = self?.inFlight.withLock { $0 }
            finish?(.failure(StoreUnavailable("the connection was closed")))
        }
    }

    var isClosed: Bool { connection.isClosed }

    func query(_ query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
        let outcome = Mutex<Result<PostgresQueryResult, any Error>?>(nil)
        let answered = DispatchSemaphore(value: 0)
        let finish: @Sendable (Result<PostgresQueryResult, any Error>) -> Void = { result in
            let first = outcome.withLock { outcome in
                guard case .none = outcome else { return false }
                outcome = result
                return true
            }
            if first { answered.signal() }
        }
        inFlight.withLock { $0 = finish }
        defer { inFlight.withLock { $0 = nil } }
        if connection.isClosed {
            finish(.failure(StoreUnavailable("the connection was closed")))
        } else {
            connection.query(query, logger: logger).whenComplete(finish)
        }
        answered.wait()
        return try outcome.withLock { $0! }.get()
    }

    func close() {
        connection.closeInBackground()
    }
}
