/// The metrics the kernel itself records. Slices declare theirs in ``Slice/metrics``.
/// Counters end in `_total` as Prometheus expects.
package enum KernelMetrics {
    package static let httpRequests = MetricDefinition(
        "hub_http_requests_total", .counter, labels: ["method", "route", "status"],
        summary: "requests; `route` is the route pattern (`/api/v1/admin/hosts/{host_id}`), `unmatched` for unknown paths"
    )
    package static let httpRequestDuration = MetricDefinition(
        "hub_http_request_duration_seconds", .durationHistogram(buckets: nil), labels: ["route"], summary: "time to answer"
    )
    package static let ingestBatchSize = MetricDefinition(
        "hub_ingest_batch_size", .valueHistogram(buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]),
        summary: "reports written per group commit"
    )
    package static let reportsStored = MetricDefinition(
        "hub_reports_stored_total", .counter, labels: ["kind"], summary: "raw reports stored, by the slice's kind of report"
    )
    package static let tickDuration = MetricDefinition(
        "hub_tick_duration_seconds", .durationHistogram(buckets: nil), summary: "one checker round over every checker"
    )
    package static let databaseSize = MetricDefinition("hub_database_size_bytes", .gauge, summary: "the database: the SQLite file, or PostgreSQL's pg_database_size")
    package static let walSize = MetricDefinition("hub_database_wal_size_bytes", .gauge, summary: "its write-ahead log")

    package static let all = [httpRequests, httpRequestDuration, ingestBatchSize, reportsStored, tickDuration, databaseSize, walSize]
}
