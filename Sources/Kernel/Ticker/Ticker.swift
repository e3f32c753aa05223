import Foundation
import Logging
import ServiceLifecycle

/// Runs every enabled slice's checkers each tick, and the prune once a day.
///
/// A `Service`: it stops at graceful shutdown. ``tick()`` runs one round by hand, which
/// is how tests drive it with a ``ManualClock``.
public struct Ticker: Service {
    public let checkers: [any Checker]
    let pruner: Pruner
    let interval: Duration
    let retention: TimeInterval
    let clock: any HubClock
    let logger: Logger
    let metrics: HubMetrics?
    private let lastPrune = LastPrune()

    public init(
        checkers: [any Checker], pruner: Pruner, interval: Duration, retentionDays: Int, clock: any HubClock, logger: Logger,
        metrics: HubMetrics? = nil
    ) {
        self.checkers = checkers
        self.pruner = pruner
        self.interval = interval
        self.retention = TimeInterval(retentionDays) * 86_400
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One round: every checker, each isolated from the others' failures; then the prune
    /// when a day has passed since the last one.
    public func tick() async {
        let started = ContinuousClock.now
        defer { metrics?.recordDuration(MetricName.tickDuration, since: started) }
        let now = clock.now()
        for checker in checkers {
            let started = ContinuousClock.now
            do {
                try await checker.check(now: now)
                logger.info("checker ran", metadata: ["checker": "\(checker.name)", "duration_ms": "\((ContinuousClock.now - started).millisecondsText)"])
            } catch {
                logger.error("checker failed", metadata: ["checker": "\(checker.name)", "error": "\(error)"])
            }
        }
        if lastPrune.isDue(at: now) {
            do {
                try await pruner.prune(olderThan: now.addingTimeInterval(-retention))
                lastPrune.record(now)
            } catch {
                logger.error("prune failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
