import Kernel

/// The metrics host-ingest records.
enum HostIngestMetrics {
    static let hosts = MetricDefinition(
        "hub_hosts", .gauge, labels: ["state"], summary: "hosts by staleness (`ok`, `stale`, `down`, `never`), from the configured thresholds"
    )
    static let ingestDuration = MetricDefinition(
        "hub_ingest_duration_seconds", .durationHistogram(buckets: nil), summary: "`POST /api/v1/host-report`, body read to answer"
    )

    static let all = [hosts, ingestDuration]
}
