import Synchronization

/// A counting semaphore whose waiters wait without holding a thread.
///
/// ``PostgresStore`` runs each transaction on a thread that blocks on its statements, so
/// at most as many threads block as it has connections. Waiting for a free connection
/// must not take a thread too: with hundreds of requests at once, threads blocked on a
/// plain semaphore would use up the threads the process shares with Swift's concurrency
/// pool, and every task of the process, the HTTP server's included, would stall.
final class AsyncSlots: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(_ count: Int) {
        state = Mutex(State(free: count))
    }

    /// Returns once a slot is this caller's; give it back with ``release()``.
    func acquire() async {
        await withCheckedContinuation { continuation in
            let granted = state.withLock { state in
                guard state.free > 0 else {
                    state.waiting.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    /// Hands the slot to the longest waiter, or frees it.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
