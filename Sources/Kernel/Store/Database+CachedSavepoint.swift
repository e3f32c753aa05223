import GRDB

extension Database {
    /// Runs `body` in a savepoint whose statements are prepared once per connection.
    ///
    /// GRDB's `inSavepoint` compiles its `SAVEPOINT` and `RELEASE` statements on every
    /// call; the report path opens one per report and one per guest, so on the writer
    /// that parsing costs more than the inserts. A throwing `body` is rolled back alone.
    package func inCachedSavepoint<T>(_ body: () throws -> T) throws -> T {
        try cachedStatement(sql: "SAVEPOINT hub_write").execute()
        do {
            let value = try body()
            try cachedStatement(sql: "RELEASE SAVEPOINT hub_write").execute()
            return value
        } catch {
            try cachedStatement(sql: "ROLLBACK TO SAVEPOINT hub_write").execute()
            try cachedStatement(sql: "RELEASE SAVEPOINT hub_write").execute()
            throw error
        }
    }
}
