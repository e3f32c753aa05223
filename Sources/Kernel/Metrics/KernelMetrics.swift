/// The metrics the kernel itself records. Slices declare theirs in ``Slice/metrics``.
/// Counters end in `_total` as Prometheus expects.
public enum KernelMetrics {
    public static let httpRequests = MetricDefinition(
        "hub_http_requests_total", .counter, labels: ["method", "route", "status"],
        summary: "requests; `route` is the route pattern (`/api/v1/admin/hosts/{host_id}`), `unmatched` for unknown paths"
    )
    public static let httpRequestDuration = MetricDefinition(
        "hub_http_request_duration_seconds", .durationHistogram(buckets: nil), labels: ["route"], summary: "time to answer"
    )
    public static let ingestBatchSize = MetricDefinition(
        "hub_ingest_batch_size", .valueHistogram(buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]),
        summary: "reports written per group commit"
    )
    public static let reportsStored = MetricDefinition(
        "hub_reports_stored_total", .counter, labels: ["kind"], summary: "raw reports stored, by the slice's kind of report"
    )
    public static let tickDuration = MetricDefinition(
        "hub_tick_duration_seconds", .durationHistogram(buckets: nil), summary: "one checker round over every checker"
    )
    public static let databaseSize = MetricDefinition("hub_database_size_bytes", .gauge, summary: "the SQLite file")
    public static let walSize = MetricDefinition("hub_database_wal_size_bytes", .gauge, summary: "its write-ahead log")

    public static let all = [httpRequests, httpRequestDuration, ingestBatchSize, reportsStored, tickDuration, databaseSize, walSize]
}
