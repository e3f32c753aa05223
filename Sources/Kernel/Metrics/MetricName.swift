/// The names of the hub's metrics, in one place so that the README's list, the slices
/// that record them and the tests agree. Counters end in `_total` as Prometheus expects.
public enum MetricName {
    /// Counter; labels `method`, `route` (the route pattern, never the raw path), `status`.
    public static let httpRequests = "hub_http_requests_total"
    /// Histogram (seconds); label `route`.
    public static let httpRequestDuration = "hub_http_request_duration_seconds"
    /// Histogram (seconds): `POST /api/v1/host-report` from body to answer.
    public static let ingestDuration = "hub_ingest_duration_seconds"
    /// Histogram: reports written per ingest commit.
    public static let ingestBatchSize = "hub_ingest_batch_size"
    /// Counter; label `kind` (`controller`, `host`).
    public static let reportsStored = "hub_reports_stored_total"
    /// Gauge; label `state` (`ok`, `stale`, `down`, `never`).
    public static let hosts = "hub_hosts"
    /// Gauge; label `state` (`ok`, `stale`, `down`, `never`).
    public static let controllers = "hub_controllers"
    /// Histogram (seconds): one ticker round over every checker.
    public static let tickDuration = "hub_tick_duration_seconds"
    /// Gauge: webhook deliveries waiting (pending) in the outbox.
    public static let outboxDepth = "hub_webhook_outbox_depth"
    /// Counter: webhook deliveries acknowledged with 2xx.
    public static let webhookDelivered = "hub_webhook_delivered_total"
    /// Counter: webhook attempts that failed (non-2xx, timeout, refused target).
    public static let webhookFailures = "hub_webhook_delivery_failures_total"
    /// Counter: webhook deliveries given up (each also recorded as `notification_failed`).
    public static let webhookGivenUp = "hub_webhook_given_up_total"
    /// Gauge: bytes of the SQLite database file.
    public static let databaseSize = "hub_database_size_bytes"
    /// Gauge: bytes of the SQLite write-ahead log.
    public static let walSize = "hub_database_wal_size_bytes"
}
