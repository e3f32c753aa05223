import Kernel

/// The webhook outbox's depth, read at scrape time.
struct OutboxGauge: MetricsSampler {
    let database: HubDatabase

    func sample(into metrics: HubMetrics) async throws {
        let backlog = try await database.read { db in try OutboxBacklog.read(in: db) }
        metrics.gauge(ControllerMetrics.outboxDepth).record(backlog.pending)
    }
}
