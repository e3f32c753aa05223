import Foundation

/// The database's size on disk: the main file and its write-ahead log, so an operator
/// sees growth (and a WAL that checkpoints never shrink) before the disk fills. On
/// PostgreSQL the size is the server's own count for the database, and the WAL is its
/// business, so 0.
struct DatabaseFileSampler: MetricsSampler {
    let database: HubDatabase

    func sample(into metrics: HubMetrics) async throws {
        guard let file = database.sqliteFile else {
            let bytes = try await database.read { db in
                try Int64.fetchOne(db, sql: "SELECT pg_database_size(current_database())") ?? 0
            }
            metrics.gauge(KernelMetrics.databaseSize).record(bytes)
            metrics.gauge(KernelMetrics.walSize).record(0)
            return
        }
        metrics.gauge(KernelMetrics.databaseSize).record(Self.size(of: file.path))
        metrics.gauge(KernelMetrics.walSize).record(Self.size(of: file.path + "-wal"))
    }

    /// Bytes of `path`; 0 for a file that does not exist (no WAL yet).
    static func size(of path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
