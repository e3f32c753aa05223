import Dispatch
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// A connection of ``PostgresStore``'s pool, whose statements wait for their answer on the
/// calling thread and never wait longer than the connection lives.
///
/// Several statements may be sent together (``pipeline(_:logger:)``): they are handed to
/// the connection's event loop in one hop and the caller wakes once, when the last is
/// answered. A hop and a wake-up cost more of this machine's time than PostgreSQL's own
/// work on a small statement, so this is what keeps a write with many statements cheap.
///
/// PostgresNIO hands a statement sent on a connection the server has just closed (a
/// restart, `pg_terminate_backend`) to a channel that is already gone, and its answer then
/// never comes. The statements in flight are therefore also ended by the connection's
/// own close, whichever happens first.
final class PooledConnection: Sendable {
    typealias Answers = [Result<PostgresQueryResult, any Error>]

    let connection: PostgresConnection
    private let inFlight = Mutex<(@Sendable (Result<Answers, any Error>) -> Void)?>(nil)

    init(_ connection: PostgresConnection) {
        self.connection = connection
        connection.closeFuture.whenComplete { [weak self] _ in
            let finish = self?.inFlight.withLock { $0 }
            finish?(.failure(StoreUnavailable("the connection was closed")))
        }
    }

    var isClosed: Bool { connection.isClosed }

    func query(_ query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
        try pipeline([query], logger: logger)[0].get()
    }

    /// Sends `queries` in order and returns each one's answer, in order. Every one is run
    /// whether or not an earlier one failed (as separate statements would be); a failure
    /// of the connection itself is thrown.
    func pipeline(_ queries: [PostgresQuery], logger: Logger) throws -> Answers {
        let outcome = Mutex<Result<Answers, any Error>?>(nil)
        let answered = DispatchSemaphore(value: 0)
        let finish: @Sendable (Result<Answers, any Error>) -> Void = { result in
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
            let connection = self.connection
            let loop = connection.eventLoop
            loop.execute {
                let answers = queries.map { connection.query($0, logger: logger) }
                EventLoopFuture.whenAllComplete(answers, on: loop).whenComplete { finish($0) }
            }
        }
        answered.wait()
        return try outcome.withLock { $0! }.get()
    }

    func close() {
        connection.closeInBackground()
    }
}
