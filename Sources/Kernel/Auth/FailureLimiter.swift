import Foundation
import Synchronization

/// Counts failed attempts per client and says when one has had enough for now.
///
/// Each client gets a window of one minute from its first failure; at `limit` failures
/// within it, the client waits for the window to end. The table holds at most
/// `capacity` clients: when it is full, windows that have ended go first, then the one
/// with the fewest failures (the oldest of those), so an attacker cycling through
/// addresses can cost the hub no more memory than that, and cannot push a client that
/// is over its limit out of the table. IPv6 clients count by their /64, the block one
/// subscriber usually holds (``ClientBlock``).
package final class FailureLimiter: Sendable {
    private struct Window {
        var start: Date
        var failures: Int
    }

    package static let window: TimeInterval = 60
    private let limit: Int
    private let capacity: Int
    private let windows = Mutex<[String: Window]>([:])

    package init(limit: Int, capacity: Int = 10_000) {
        self.limit = limit
        self.capacity = capacity
    }

    /// Whole seconds `client` must wait, or `nil` when it may try now.
    package func retryAfter(client: String?, now: Date) -> Int? {
        let key = ClientBlock.key(client)
        return windows.withLock { windows -> Int? in
            guard let window = windows[key] else { return nil }
            let ends = window.start.addingTimeInterval(Self.window)
            guard now < ends else {
                windows[key] = nil
                return nil
            }
            guard window.failures >= limit else { return nil }
            return max(1, Int(ends.timeIntervalSince(now).rounded(.up)))
        }
    }

    package func recordFailure(client: String?, now: Date) {
        let key = ClientBlock.key(client)
        windows.withLock { windows in
            if var window = windows[key], now < window.start.addingTimeInterval(Self.window) {
                window.failures += 1
                windows[key] = window
                return
            }
            if windows[key] == nil, windows.count >= capacity { makeRoom(in: &windows, now: now) }
            windows[key] = Window(start: now, failures: 1)
        }
    }

    /// The number of clients held, for tests of the bound.
    package var trackedClients: Int {
        windows.withLock { $0.count }
    }

    private func makeRoom(in windows: inout [String: Window], now: Date) {
        windows = windows.filter { now < $0.value.start.addingTimeInterval(Self.window) }
        guard windows.count >= capacity,
              let leastFailed = windows.min(by: { ($0.value.failures, $0.value.start) < ($1.value.failures, $1.value.start) })
        else { return }
        windows[leastFailed.key] = nil
    }
}
