import GRDB
import Synchronization

/// Durable writes that share commits, and commits that share flushes.
///
/// Every caller of ``write(_:)`` is answered only after the transaction holding its work
/// has committed *and* reached the disk, which is what `synchronous=FULL` promises (a
/// commit survives power loss). Writes that arrive while a batch is being written wait
/// for the next one and share it, up to ``maximumBatch`` per transaction. Each write runs
/// in its own savepoint: one that throws is rolled back alone and its caller gets the
/// error; its batch-mates commit.
///
/// The flush is taken out of the commit: a batch commits with `synchronous=NORMAL` (SQLite
/// writes its pages to the log but does not flush it), then ``FlushStage`` flushes the log
/// on its own thread and answers the batch. Meanwhile the writer already writes the next
/// batch, and batches that commit during one flush share the next. SQLite's FULL does the
/// same flush, only inside the commit, holding the writer. Other writers of the database
/// are not affected: the connection is back at FULL as soon as the batch has committed.
/// A reader may see a batch a few milliseconds before it is on the disk; nobody is told
/// it is stored before it is.
///
/// Each batch is one job on the database's writer queue, so other writes (the admin API,
/// checkers, the pruner) take their turn between batches. The loop runs only while there
/// is work, and a caller is never answered before its flush, so graceful shutdown (which
/// waits for in-flight requests) also waits for it.
///
/// On PostgreSQL a batch is one transaction whose COMMIT returns once the server has
/// flushed it (`synchronous_commit = on`): the server's own WAL flush does what
/// ``FlushStage`` does for SQLite, and batch-mates share it the same way.
///
/// Hand-tuned and kept so, like the statements its callers run: the ingest benchmark
/// (`Benchmarks/run.sh`) rests on it; records and the query interface stay off this path.
package final class GroupCommit: Sendable {
    package let maximumBatch: Int
    private let database: HubDatabase
    private let queue = Mutex<Queue>(Queue())
    private let flushes: FlushStage
    private let batchObserver: (@Sendable (Int) -> Void)?

    struct Queue {
        var pending: [PendingWrite] = []
        var scheduled = false
    }

    /// `flush` makes committed batches durable (the write-ahead log's flush unless a test
    /// says otherwise); `batchObserver` is told the size of every committed batch.
    package init(
        database: HubDatabase,
        maximumBatch: Int = 128,
        flush: (@Sendable () throws -> Void)? = nil,
        batchObserver: (@Sendable (Int) -> Void)? = nil
    ) {
        self.database = database
        self.maximumBatch = maximumBatch
        self.flushes = FlushStage(flush: flush ?? { [file = database.sqliteFile] in
            if let file { try WALFlush(database: file)() }
        })
        self.batchObserver = batchObserver
    }

    /// How many writes wait for the writer to take them into a batch (tests wait on it
    /// instead of waiting for time to pass).
    package var waitingWrites: Int {
        queue.withLock { $0.pending.count }
    }

    /// Runs `work` inside a shared transaction; returns once that transaction is durable.
    package func write<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = OutcomeSlot<T>()
            let pending = PendingWrite(
                run: { db in
                    do {
                        outcome.store(.success(try db.inSavepoint { try work(db) }))
                    } catch {
                        outcome.store(.failure(error))
                    }
                },
                finish: { failure in
                    if let failure {
                        continuation.resume(throwing: failure)
                    } else {
                        continuation.resume(with: outcome.take())
                    }
                }
            )
            let schedules = queue.withLock { queue in
                queue.pending.append(pending)
                guard !queue.scheduled else { return false }
                queue.scheduled = true
                return true
            }
            if schedules { scheduleBatch() }
        }
    }

    private func scheduleBatch() {
        switch database.engine {
        case .sqlite(let pool, _):
            pool.asyncWriteWithoutTransaction { db in self.commitBatch(db) }
        case .postgres(let store):
            let batch = takeBatch()
            store.writeInBackground({ session in
                for write in batch { write.run(session) }
            }, finish: { failure in
                if failure == nil { self.batchObserver?(batch.count) }
                for write in batch { write.finish(failure) }
                self.scheduleNextIfWaiting()
            })
        }
    }

    private func takeBatch() -> [PendingWrite] {
        queue.withLock { queue in
            let taken = Array(queue.pending.prefix(maximumBatch))
            queue.pending.removeFirst(taken.count)
            return taken
        }
    }

    /// Commits the next batch on SQLite's writer, hands it to the flush, and queues
    /// another job if more writes are waiting.
    private func commitBatch(_ db: Database) {
        let batch = takeBatch()
        let session = SQLiteSession(db)
        do {
            try db.inUnflushedTransaction {
                for write in batch { write.run(session) }
            }
            batchObserver?(batch.count)
            flushes.enqueue(batch)
        } catch {
            for write in batch { write.finish(error) }
        }
        scheduleNextIfWaiting()
    }

    private func scheduleNextIfWaiting() {
        let more = queue.withLock { queue in
            queue.scheduled = !queue.pending.isEmpty
            return queue.scheduled
        }
        if more { scheduleBatch() }
    }
}

/// One caller's work, type-erased so writes of different result types share a batch.
struct PendingWrite: Sendable {
    /// Runs the work in a savepoint of the batch's transaction and keeps its outcome.
    let run: @Sendable (any DatabaseSession) -> Void
    /// Answers the caller once the batch is durable (`nil`) or failed to be.
    let finish: @Sendable ((any Error)?) -> Void
}

/// Where a write's result waits between its savepoint and its batch's flush.
final class OutcomeSlot<T: Sendable>: Sendable {
    private let outcome = Mutex<Result<T, any Error>?>(nil)

    func store(_ result: Result<T, any Error>) {
        outcome.withLock { $0 = result }
    }

    func take() -> Result<T, any Error> {
        outcome.withLock { $0 } ?? .failure(CancellationError())
    }
}
