import Kernel

/// Slice 3's gauge, read at scrape time: hosts by state.
struct HostGauges: MetricsSampler {
    let database: HubDatabase
    let clock: any HubClock
    let configuration: HubConfiguration

    func sample(into metrics: HubMetrics) async throws {
        let census = try await database.pool.read { db in try HostCensus.count(in: db, now: clock.now(), configuration: configuration) }
        census.record(as: MetricName.hosts, into: metrics)
    }
}
