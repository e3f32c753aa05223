import Foundation

/// The database's size on disk: the main file and its write-ahead log, so an operator
/// sees growth (and a WAL that checkpoints never shrink) before the disk fills.
struct DatabaseFileSampler: MetricsSampler {
    let database: HubDatabase

    func sample(into metrics: HubMetrics) async throws {
        metrics.gauge(KernelMetrics.databaseSize).record(Self.size(of: database.file.path))
        metrics.gauge(KernelMetrics.walSize).record(Self.size(of: database.file.path + "-wal"))
    }

    /// Bytes of `path`; 0 for a file that does not exist (no WAL yet).
    static func size(of path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
