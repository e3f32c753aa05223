import Synchronization

/// The change token of a PostgreSQL hub: a counter in this process, moved by its own
/// changes at once and by every other replica's through `NOTIFY` (heard by
/// ``PostgresChangeListener``).
package final class NotifiedChangeToken: ChangeToken {
    /// The channel every replica listens on.
    package static let channel = "hub_changes"
    private let counter = Atomic<UInt64>(0)
    private let store: PostgresStore

    package init(store: PostgresStore) {
        self.store = store
    }

    package func current() -> UInt64 {
        counter.load(ordering: .acquiring)
    }

    /// This process's change: seen here now, and sent to the others.
    package func move() {
        heard()
        store.notify(channel: Self.channel)
    }

    /// Another replica's change (or a gap in listening, when one may have been missed).
    func heard() {
        counter.add(1, ordering: .releasing)
    }
}
