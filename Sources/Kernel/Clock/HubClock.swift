import Foundation
import Synchronization

/// Where the hub reads the time. Checkers and stores take a clock rather than calling
/// `Date()` so tests can drive staleness and deadlines without waiting.
package protocol HubClock: Sendable {
    func now() -> Date
}

/// The wall clock.
package struct SystemClock: HubClock {
    package init() {}
    package func now() -> Date { Date() }
}

/// A clock that only moves when told to; for tests and simulations.
package final class ManualClock: HubClock {
    private let current: Mutex<Date>

    package init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) {
        current = Mutex(start)
    }

    package func now() -> Date { current.withLock { $0 } }

    package func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    package func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
