import Synchronization

/// How many connections the server is serving, against the cap it may serve.
///
/// Every accepted connection asks ``admit()`` first; one that is refused is answered
/// `503` and closed (see ``RefusedConnectionHandler``) instead of waiting unserved
/// while it holds a descriptor. Shared by every event loop, hence atomic.
final class ConnectionCount: Sendable {
    let cap: Int
    private let open = Atomic<Int>(0)

    init(cap: Int) {
        self.cap = cap
    }

    /// Counts one more connection if the cap allows it; `false` means refuse it.
    func admit() -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < cap {
            let (exchanged, original) = open.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// An admitted connection has closed.
    func release() {
        open.subtract(1, ordering: .relaxed)
    }

    /// Connections being served now.
    var current: Int { open.load(ordering: .relaxed) }
}
