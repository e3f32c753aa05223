import Synchronization

/// A bounded map from key hash to principal. When full it starts over rather than
/// tracking recency: keys are few and re-learning one costs one lookup.
///
/// Emptying it starts a new epoch. A lookup that began before a key was revoked may
/// finish after the cache was emptied for that revocation; it remembers its principal
/// only if no emptying happened since it began, so a revoked key cannot slip back in.
final class PrincipalCache: Sendable {
    private struct Entries {
        var principals: [String: Principal] = [:]
        var epoch: UInt64 = 0
    }

    private let capacity: Int
    private let entries = Mutex(Entries())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The epoch to hand back to ``remember(_:forKeyHash:since:)``.
    var epoch: UInt64 {
        entries.withLock { $0.epoch }
    }

    func principal(forKeyHash keyHash: String) -> Principal? {
        entries.withLock { $0.principals[keyHash] }
    }

    /// Remembers `principal` unless the cache was emptied after `epoch` was read.
    func remember(_ principal: Principal, forKeyHash keyHash: String, since epoch: UInt64) {
        entries.withLock { entries in
            guard entries.epoch == epoch else { return }
            if entries.principals.count >= capacity { entries.principals.removeAll(keepingCapacity: true) }
            entries.principals[keyHash] = principal
        }
    }

    func removeAll() {
        entries.withLock { entries in
            entries.principals.removeAll()
            entries.epoch &+= 1
        }
    }
}
