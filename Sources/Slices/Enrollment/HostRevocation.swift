import GRDB
import HostIngestSlice
import Kernel

/// Revokes a host for the admin API and `hub hosts revoke` alike: host-ingest replaces
/// its key and stops watching it, its waiting next key (if a rotation was under way) is
/// dropped, and `host_revoked` is recorded, all in one transaction. The caller then
/// announces the key change, so a running hub drops the key from its cache.
struct HostRevocation: Sendable {
    let database: HubDatabase
    let hosts: HostStore
    let events: EventLog

    /// The host as revoked, or `nil` when there is no such host. Revoking a revoked host
    /// changes nothing and records nothing.
    func revoke(hostID: String, reason: String?) async throws -> Host? {
        try await database.write { db in
            guard let before = try HostStore.host(hostID, in: db) else { return nil }
            guard before.revokedAt == nil else { return before }
            let revoked = try hosts.revoke(hostID: hostID, in: db)
            try PendingHostKeys.drop(hostID: hostID, in: db)
            var payload: [String: JSONValue] = ["host_id": .string(hostID)]
            if let reason { payload["reason"] = .string(reason) }
            try events.record(
                EventDraft(customerID: before.customerID, type: EnrollmentVocabulary.hostRevoked, subject: hostID, payload: payload), in: db
            )
            return revoked
        }
    }
}
