import CoreMetrics
import Metrics
import Prometheus
import Synchronization

/// The metrics of one running hub, rendered by `GET /metrics`.
///
/// swift-metrics' `MetricsSystem.bootstrap` is process-wide and may run once, but a test
/// process holds many hubs; so each ``HubRuntime`` owns its own Prometheus registry and
/// hands its factory explicitly to every counter, gauge and histogram it makes. Library
/// code never bootstraps the global system.
///
/// ```swift
/// environment.metrics.counter(KernelMetrics.reportsStored, [("kind", "host")]).increment()
/// ```
///
/// Every metric is asked for by its ``MetricDefinition``, so its name is written once,
/// beside its declaration, and a histogram's buckets come from there.
package final class HubMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    /// Passed as `factory:` to swift-metrics types; never installed globally.
    package let factory: PrometheusMetricsFactory

    /// `definitions`: the kernel's and the slices' metrics, for their buckets.
    package init(definitions: [MetricDefinition] = KernelMetrics.all) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        for definition in definitions {
            switch definition.kind {
            case .valueHistogram(let buckets?): factory.valueHistogramBuckets[definition.name] = buckets
            case .durationHistogram(let buckets?): factory.durationHistogramBuckets[definition.name] = buckets.map { .seconds($0) }
            default: break
            }
        }
        self.registry = registry
        self.factory = factory
    }

    /// Handles made so far: making one asks the registry (validating the name each
    /// time), which every request would otherwise pay for.
    private let counters = Mutex<[HandleKey: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[HandleKey: CoreMetrics.Timer]>([:])
    private let recorders = Mutex<[HandleKey: CoreMetrics.Recorder]>([:])

    struct HandleKey: Hashable {
        let name: String
        let dimensions: [String]

        init(_ name: String, _ dimensions: [(String, String)]) {
            self.name = name
            self.dimensions = dimensions.flatMap { [$0.0, $0.1] }
        }
    }

    package func counter(_ metric: MetricDefinition, _ dimensions: [(String, String)] = []) -> CoreMetrics.Counter {
        let name = metric.name
        return handle(in: counters, HandleKey(name, dimensions)) { CoreMetrics.Counter(label: name, dimensions: dimensions, factory: factory) }
    }

    package func gauge(_ metric: MetricDefinition, _ dimensions: [(String, String)] = []) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: metric.name, dimensions: dimensions, factory: factory)
    }

    /// A histogram of durations, exposed in seconds.
    package func timer(_ metric: MetricDefinition, _ dimensions: [(String, String)] = []) -> CoreMetrics.Timer {
        let name = metric.name
        return handle(in: timers, HandleKey(name, dimensions)) { CoreMetrics.Timer(label: name, dimensions: dimensions, factory: factory) }
    }

    /// A histogram of plain values (sizes, counts).
    package func histogram(_ metric: MetricDefinition, _ dimensions: [(String, String)] = []) -> CoreMetrics.Recorder {
        let name = metric.name
        return handle(in: recorders, HandleKey(name, dimensions)) {
            CoreMetrics.Recorder(label: name, dimensions: dimensions, aggregate: true, factory: factory)
        }
    }

    private func handle<Handle>(in cache: borrowing Mutex<[HandleKey: Handle]>, _ key: HandleKey, make: () -> Handle) -> Handle {
        cache.withLock { made in
            if let existing = made[key] { return existing }
            let created = make()
            made[key] = created
            return created
        }
    }

    /// Records the time since `started` in the duration histogram `metric`.
    package func recordDuration(_ metric: MetricDefinition, _ dimensions: [(String, String)] = [], since started: ContinuousClock.Instant) {
        timer(metric, dimensions).record(duration: ContinuousClock.now - started)
    }

    /// One stored raw report of `kind` (`controller`, `host`, …).
    package func countStoredReport(kind: String) {
        counter(KernelMetrics.reportsStored, [("kind", kind)]).increment()
    }

    /// How many reports one ingest commit wrote. The group-commit writer calls this once
    /// per batch; a writer that commits each report alone records 1.
    package func recordIngestBatch(size: Int) {
        histogram(KernelMetrics.ingestBatchSize).record(size)
    }

    /// The Prometheus text exposition of everything recorded so far.
    package func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
