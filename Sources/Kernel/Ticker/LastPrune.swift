import Foundation
import Synchronization

/// When the ticker last pruned; the first tick after start prunes.
final class LastPrune: Sendable {
    private let last = Mutex<Date?>(nil)

    func isDue(at now: Date) -> Bool {
        last.withLock { last in last.map { now.timeIntervalSince($0) >= 86_400 } ?? true }
    }

    func record(_ now: Date) {
        last.withLock { $0 = now }
    }
}
