import Foundation
import GRDB
import Logging

/// Deletes raw reports older than the retention, a bounded batch per transaction, and
/// rests twice as long as each batch took before the next: ingest gets the writer at
/// least two thirds of the time while millions of rows go.
package struct Pruner: Sendable {
    package let targets: [PruneTarget]
    package let batchSize: Int
    let database: HubDatabase
    let logger: Logger
    /// Waits between two batches, for the given time (twice the last batch's); a test
    /// may hold the prune there.
    let rest: @Sendable (Duration) async throws -> Void

    package init(
        targets: [PruneTarget], database: HubDatabase, logger: Logger, batchSize: Int = 250,
        rest: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.targets = targets
        self.database = database
        self.logger = logger
        self.batchSize = batchSize
        self.rest = rest
    }

    /// Deletes every row older than `cutoff` from each target; answers how many.
    @discardableResult
    package func prune(olderThan cutoff: Date) async throws -> Int {
        let cutoffText = Timestamp.format(cutoff)
        let started = ContinuousClock.now
        var total = 0
        for target in targets {
            let sql = """
                DELETE FROM \(target.table) WHERE \(target.idColumn) IN (
                    SELECT \(target.idColumn) FROM \(target.table) WHERE \(target.timeColumn) < ? LIMIT \(batchSize))
                """
            while true {
                try Task.checkCancellation()
                let batchStarted = ContinuousClock.now
                // A batch lost to a power cut is deleted again by the next prune.
                let deleted = try await database.writeRedoable { db in
                    try db.execute(sql: sql, arguments: [cutoffText])
                    return db.changesCount
                }
                total += deleted
                if deleted < batchSize { break }
                try await rest((ContinuousClock.now - batchStarted) * 2)
            }
        }
        if total > 0 {
            logger.info("pruned old reports", metadata: ["rows": "\(total)", "duration_ms": "\((ContinuousClock.now - started).millisecondsText)"])
        }
        return total
    }
}
