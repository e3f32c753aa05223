import HostIngestSlice
import Kernel

/// A guest key names one controller guest, and through its host a customer.
struct GuestKeyStrategy: AuthStrategy {
    var kind: PrincipalKind { CutoverVocabulary.guestKind }
    let database: HubDatabase

    func principal(forKeyHash keyHash: String) async throws -> Principal? {
        try await database.read { db in try GuestKeys.holder(forKeyHash: keyHash, in: db) }
            .map { Principal(kind: kind, id: $0.guestID, customerID: $0.customerID) }
    }
}
