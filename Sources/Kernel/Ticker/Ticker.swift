import Foundation
import Logging
import ServiceLifecycle

/// Runs every enabled slice's checkers each tick.
///
/// A `Service`: it stops at graceful shutdown. ``tick()`` runs one round by hand, which
/// is how tests drive it with a ``ManualClock``. The daily prune is a service of its own
/// (``PruneService``), so a prune of millions of rows never holds a round of checkers.
package struct Ticker: Service {
    package let checkers: [any Checker]
    let interval: Duration
    let clock: any HubClock
    let logger: Logger
    let metrics: HubMetrics?

    package init(checkers: [any Checker], interval: Duration, clock: any HubClock, logger: Logger, metrics: HubMetrics? = nil) {
        self.checkers = checkers
        self.interval = interval
        self.clock = clock
        self.logger = logger
        self.metrics = metrics
    }

    package func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// One round: every checker, each isolated from the others' failures.
    package func tick() async {
        let started = ContinuousClock.now
        defer { metrics?.recordDuration(KernelMetrics.tickDuration, since: started) }
        let now = clock.now()
        for checker in checkers {
            let started = ContinuousClock.now
            do {
                try await checker.check(now: now)
                logger.info("checker ran", metadata: ["checker": "\(checker.name)", "duration_ms": "\((ContinuousClock.now - started).millisecondsText)"])
            } catch {
                logger.error("checker failed", metadata: ["checker": "\(checker.name)", "error": LoggedError.metadata(error)])
            }
        }
    }
}
