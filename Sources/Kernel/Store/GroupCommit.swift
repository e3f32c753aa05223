import GRDB
import Synchronization

/// Durable writes that share commits.
///
/// Every caller of ``write(_:)`` is answered only after the transaction holding its work
/// has committed (with `synchronous=FULL`, a commit survives power loss). Writes that
/// arrive while a commit is under way wait for the next one and share it, up to
/// ``maximumBatch`` per transaction, so under load one fsync serves many requests and a
/// lone request pays for just its own. Each write runs in its own savepoint: one that
/// throws is rolled back alone and its caller gets the error; its batch-mates commit.
///
/// The batch loop runs only while there is work; it ends when the queue is empty, and a
/// caller is never answered before its commit, so graceful shutdown (which waits for
/// in-flight requests) also waits for it.
public final class GroupCommit: Sendable {
    public let maximumBatch: Int
    private let database: HubDatabase
    private let queue = Mutex<Queue>(Queue())
    private let batchObserver: (@Sendable (Int) -> Void)?

    struct Queue {
        var pending: [PendingWrite] = []
        var draining = false
    }

    /// `batchObserver` is told the size of every committed batch (for metrics).
    public init(database: HubDatabase, maximumBatch: Int = 128, batchObserver: (@Sendable (Int) -> Void)? = nil) {
        self.database = database
        self.maximumBatch = maximumBatch
        self.batchObserver = batchObserver
    }

    /// Runs `work` inside a shared transaction; returns once that transaction committed.
    public func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = OutcomeSlot<T>()
            let pending = PendingWrite(
                run: { db in
                    do {
                        outcome.store(.success(try db.inCachedSavepoint { try work(db) }))
                    } catch {
                        outcome.store(.failure(error))
                    }
                },
                finish: { commitFailure in
                    if let commitFailure {
                        continuation.resume(throwing: commitFailure)
                    } else {
                        continuation.resume(with: outcome.take())
                    }
                }
            )
            let startsDraining = queue.withLock { queue in
                queue.pending.append(pending)
                guard !queue.draining else { return false }
                queue.draining = true
                return true
            }
            if startsDraining {
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while true {
            let batch = queue.withLock { queue -> [PendingWrite] in
                guard !queue.pending.isEmpty else {
                    queue.draining = false
                    return []
                }
                let taken = Array(queue.pending.prefix(maximumBatch))
                queue.pending.removeFirst(taken.count)
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                try await database.pool.write { db in
                    for write in batch { write.run(db) }
                }
                batchObserver?(batch.count)
                for write in batch { write.finish(nil) }
            } catch {
                for write in batch { write.finish(error) }
            }
        }
    }
}

/// One caller's work, type-erased so writes of different result types share a batch.
struct PendingWrite: Sendable {
    /// Runs the work in a savepoint of the batch's transaction and keeps its outcome.
    let run: @Sendable (Database) -> Void
    /// Answers the caller once the batch committed (`nil`) or failed to.
    let finish: @Sendable ((any Error)?) -> Void
}

/// Where a write's result waits between its savepoint and its batch's commit.
final class OutcomeSlot<T: Sendable>: Sendable {
    private let outcome = Mutex<Result<T, any Error>?>(nil)

    func store(_ result: Result<T, any Error>) {
        outcome.withLock { $0 = result }
    }

    func take() -> Result<T, any Error> {
        outcome.withLock { $0 } ?? .failure(CancellationError())
    }
}
