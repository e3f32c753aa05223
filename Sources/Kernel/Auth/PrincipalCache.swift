import Synchronization

/// A bounded map from key hash to principal. When full it starts over rather than
/// tracking recency: keys are few and re-learning one costs one lookup.
final class PrincipalCache: Sendable {
    private let capacity: Int
    private let entries = Mutex<[String: Principal]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func principal(forKeyHash keyHash: String) -> Principal? {
        entries.withLock { $0[keyHash] }
    }

    func remember(_ principal: Principal, forKeyHash keyHash: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[keyHash] = principal
        }
    }

    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
