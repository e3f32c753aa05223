import HTTPTypes
import Logging
import NIOCore

/// `GET /metrics`: the Prometheus text exposition. Behind the global key unless the
/// operator set `HUB_METRICS_PUBLIC=1` (for a scraper on a trusted network).
enum MetricsRoute {
    static func route(metrics: HubMetrics, samplers: [any MetricsSampler], isPublic: Bool, logger: Logger) -> SliceRoute {
        SliceRoute(.get, "/metrics", access: isPublic ? .open : .global) { _ in
            for sampler in samplers {
                do {
                    try await sampler.sample(into: metrics)
                } catch {
                    logger.error("metrics sampler failed", metadata: ["sampler": "\(type(of: sampler))", "error": "\(error)"])
                }
            }
            return HubResponse(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ByteBuffer(bytes: metrics.exposition())
            )
        }
    }
}
