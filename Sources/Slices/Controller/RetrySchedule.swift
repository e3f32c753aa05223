import Foundation

/// When to try a failed webhook delivery again, and when to stop.
///
/// Exponential backoff from ``base`` doubling per failure up to ``cap``, each delay
/// spread by ±``jitter`` so that many customers whose receivers failed together do not
/// retry in lockstep. Retries never go past ``giveUpAfter`` from when the event was
/// queued: the last try is at that deadline, and a failure less than a second before
/// it (or after it) gives up.
///
/// Defaults: 5 s, 10 s, 20 s, … capped at 1 h, ±20 %, giving up after 24 h.
struct RetrySchedule: Sendable {
    var base: TimeInterval = 5
    var cap: TimeInterval = 3600
    var jitter: Double = 0.2
    var giveUpAfter: TimeInterval = 86_400

    /// The delay after the `failures`-th failure, with `unit` a random number in [0, 1).
    func delay(afterFailures failures: Int, unit: Double) -> TimeInterval {
        let exponent = Double(max(0, min(failures - 1, 30)))
        let plain = min(cap, base * pow(2, exponent))
        return plain * (1 - jitter + 2 * jitter * unit)
    }

    /// The next attempt after `failures` failures of an event queued at `queuedAt`;
    /// `nil` once the deadline has passed (give up).
    func nextAttempt(afterFailures failures: Int, queuedAt: Date, now: Date, unit: Double) -> Date? {
        let deadline = queuedAt.addingTimeInterval(giveUpAfter)
        guard deadline.timeIntervalSince(now) >= 1 else { return nil }
        return min(now.addingTimeInterval(delay(afterFailures: failures, unit: unit)), deadline)
    }
}
