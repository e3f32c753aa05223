import Synchronization

/// Whether this process is the one that runs the fleet-wide work: the checkers, the prune
/// and webhook delivery (``LeaderOnlyService``). On SQLite there is one server per data
/// folder, so it always leads; on PostgreSQL replicas elect one (``LeaderElection``).
package final class Leadership: Sendable {
    private let leading: Atomic<Bool>

    package init(leading: Bool) {
        self.leading = Atomic(leading)
    }

    /// The only server of its store: leads from the start.
    package static func sole() -> Leadership {
        Leadership(leading: true)
    }

    package var isLeader: Bool {
        leading.load(ordering: .acquiring)
    }

    /// What `GET /readyz` says.
    package var role: String {
        isLeader ? "leader" : "follower"
    }

    func set(leading value: Bool) {
        leading.store(value, ordering: .releasing)
    }
}
