import Kernel

/// `checkAuthCustomer`: a customer key names its customer.
struct CustomerKeyStrategy: AuthStrategy {
    package static let principalKind: PrincipalKind = "customer"
    var kind: PrincipalKind { Self.principalKind }
    let store: CustomerStore

    func principal(forKeyHash keyHash: String) async throws -> Principal? {
        try await store.customerID(forKeyHash: keyHash).map { Principal(kind: kind, id: $0, customerID: $0) }
    }
}
