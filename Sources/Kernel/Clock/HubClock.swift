import Foundation
import Synchronization

/// Where the hub reads the time. Checkers and stores take a clock rather than calling
/// `Date()` so tests can drive staleness and deadlines without waiting.
public protocol HubClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: HubClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; for tests and simulations.
public final class ManualClock: HubClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
