import Dispatch
import Synchronization

/// Answers committed writes once a flush has put them on the disk. Writes committed while
/// a flush is under way share the next one, so under load one flush serves several
/// commits.
///
/// The flush blocks its thread for as long as the disk takes (milliseconds), so it runs on
/// a queue of its own, never on the concurrency pool that serves requests.
final class FlushStage: Sendable {
    private let flush: @Sendable () throws -> Void
    private let state = Mutex<State>(State())
    private let flusher = DispatchQueue(label: "hub.group-commit.flush")

    struct State {
        var committed: [PendingWrite] = []
        var flushing = false
    }

    init(flush: @escaping @Sendable () throws -> Void) {
        self.flush = flush
    }

    func enqueue(_ writes: [PendingWrite]) {
        let starts = state.withLock { state in
            state.committed.append(contentsOf: writes)
            guard !state.flushing else { return false }
            state.flushing = true
            return true
        }
        if starts { flusher.async { self.flushWhileCommitted() } }
    }

    private func flushWhileCommitted() {
        while true {
            let writes = state.withLock { state in
                defer { state.committed.removeAll(keepingCapacity: true) }
                state.flushing = !state.committed.isEmpty
                return state.committed
            }
            guard !writes.isEmpty else { return }
            var failure: (any Error)?
            do { try flush() } catch { failure = error }
            for write in writes { write.finish(failure) }
        }
    }
}
