/// Brings gauges up to date just before `GET /metrics` renders them.
///
/// For values cheaper to read on demand than to track on every change — rows by state,
/// file sizes — a slice hands the kernel a sampler in ``SliceParts/samplers``. A sampler
/// that throws is logged; the scrape still answers with the other values.
package protocol MetricsSampler: Sendable {
    func sample(into metrics: HubMetrics) async throws
}
