import Kernel

/// A host key names one host, and through it a customer.
struct HostKeyStrategy: AuthStrategy {
    var kind: PrincipalKind { HostIngestVocabulary.hostKind }
    let store: HostStore

    func principal(forKeyHash keyHash: String) async throws -> Principal? {
        try await store.host(forKeyHash: keyHash).map { Principal(kind: kind, id: $0.hostID, customerID: $0.customerID) }
    }
}
