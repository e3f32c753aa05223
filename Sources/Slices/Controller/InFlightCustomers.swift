import Synchronization

/// Customers whose webhook delivery is under way. A customer is claimed by one
/// delivery task at a time, which is what keeps its events in order; other customers
/// are not held up by it.
final class InFlightCustomers: Sendable {
    private let customers = Mutex<Set<String>>([])

    var current: Set<String> { customers.withLock { $0 } }

    /// Claims `customerID`; `false` when it is already being delivered to.
    func claim(_ customerID: String) -> Bool {
        customers.withLock { $0.insert(customerID).inserted }
    }

    func release(_ customerID: String) {
        _ = customers.withLock { $0.remove(customerID) }
    }
}
