import Foundation
import Kernel

/// After the cutover, one dead-man's switch for the whole fleet: hosts (`host_*`, from
/// their heartbeats) and controller guests (`guest_*`, from `guest_reports`), with the
/// same thresholds. It replaces both the controller's and host-ingest's checkers; each
/// kind of subject keeps its own recorded states, so a host's open state and a
/// controller's (carried over to its guest by the migration) go on where they were.
struct FleetStaleness: Checker {
    let name = CutoverVocabulary.fleetChecker
    let parts: [DeadMansSwitch]

    /// Runs every part even when one fails, then reports the first failure.
    func check(now: Date) async throws {
        var failure: (any Error)?
        for part in parts {
            do {
                try await part.check(now: now)
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
    }
}
