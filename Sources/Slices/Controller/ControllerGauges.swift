import Kernel

/// The controller slice's gauges, read at scrape time: controllers by state and the
/// webhook outbox depth.
struct ControllerGauges: MetricsSampler {
    let database: HubDatabase
    let clock: any HubClock
    let configuration: HubConfiguration

    func sample(into metrics: HubMetrics) async throws {
        let (census, backlog) = try await database.pool.read { db in
            (try ControllerCensus.count(in: db, now: clock.now(), configuration: configuration), try OutboxBacklog.read(in: db))
        }
        census.record(as: MetricName.controllers, into: metrics)
        metrics.gauge(MetricName.outboxDepth).record(backlog.pending)
    }
}
