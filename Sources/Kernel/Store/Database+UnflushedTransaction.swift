import GRDB

extension Database {
    /// Runs `body` in a transaction that commits without flushing the write-ahead log.
    ///
    /// The connection normally runs at `synchronous=FULL`: every commit waits for the disk.
    /// Here it commits at NORMAL (SQLite writes the log, the disk keeps it when it gets to
    /// it) and is set back to FULL straight after, so other writes of the connection keep
    /// their guarantee. A crash of the process loses nothing that committed; a power cut
    /// may lose it until the next flush or checkpoint. So this is for work that is either
    /// flushed before anyone is told it is stored (``GroupCommit``) or simply done again
    /// if lost (a checker's transitions, a prune's batch).
    package func inUnflushedTransaction<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
        defer { try? cachedStatement(sql: "PRAGMA synchronous = FULL").execute() }
        var result: T?
        try inTransaction {
            result = try body()
            return .commit
        }
        return result!
    }
}
