import Foundation
import Logging
import ServiceLifecycle

/// Deletes the enabled slices' raw reports older than the retention, once a day (the
/// first time soon after start), beside the ticker rather than inside its round: a
/// prune of millions of rows takes minutes, and the dead-man's switch must not wait for
/// it.
package struct PruneService: Service {
    package let pruner: Pruner
    let retention: TimeInterval
    let clock: any HubClock
    let logger: Logger
    /// How often it looks whether a day has passed.
    let checkInterval: Duration
    private let lastPrune = LastPrune()

    package init(pruner: Pruner, retentionDays: Int, clock: any HubClock, logger: Logger, checkInterval: Duration = .seconds(60)) {
        self.pruner = pruner
        self.retention = TimeInterval(retentionDays) * 86_400
        self.clock = clock
        self.logger = logger
        self.checkInterval = checkInterval
    }

    package func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await cancelWhenGracefulShutdown { await pruneIfDue() }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: checkInterval) }
        }
    }

    /// Prunes when a day has passed since the last prune (or none was made yet); a prune
    /// that fails is logged and tried again at the next look.
    package func pruneIfDue() async {
        let now = clock.now()
        guard lastPrune.isDue(at: now) else { return }
        do {
            try await pruner.prune(olderThan: now.addingTimeInterval(-retention))
            lastPrune.record(now)
        } catch is CancellationError {
            return
        } catch {
            logger.error("prune failed", metadata: ["error": LoggedError.metadata(error)])
        }
    }
}
