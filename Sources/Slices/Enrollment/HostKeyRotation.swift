import GRDB
import HostIngestSlice
import Kernel

/// Host key rotation (agent protocol §7): `POST /api/v1/host-key/rotate` hands the host a
/// new key that works at once; the first use of the new key replaces the old one.
struct HostKeyRotation: Sendable {
    let database: HubDatabase
    let hosts: HostStore
    let clock: any HubClock
    let announceKeyChange: @Sendable () -> Void

    var route: SliceRoute {
        SliceRoute(.post, "/api/v1/host-key/rotate", access: .kinds([HostIngestVocabulary.hostKind]), bodyLimit: 1024) { request in
            let principal = try request.requirePrincipal()
            let apiKey = APIKey.generate()
            try await database.write { db in
                try PendingHostKeys.record(hostID: principal.id, keyHash: APIKey.hash(apiKey), now: Timestamp(clock.now()), in: db)
            }
            return try .json(KeyShownOnce.host(principal.id, apiKey: apiKey))
        }
    }

    /// Recognises a host's next key, and on its first use makes it the host's only key.
    var strategy: some AuthStrategy { NextKeyStrategy(rotation: self) }

    struct NextKeyStrategy: AuthStrategy {
        let rotation: HostKeyRotation
        var kind: PrincipalKind { HostIngestVocabulary.hostKind }

        func principal(forKeyHash keyHash: String) async throws -> Principal? {
            // Asked for every key no other strategy knows, wrong ones included: look on a
            // reader first, and take the writer only for a key that is really waiting.
            guard try await rotation.database.read({ db in try PendingHostKeys.host(forKeyHash: keyHash, in: db) }) != nil else {
                return nil
            }
            let promoted = try await rotation.database.write { db -> Host? in
                guard let host = try PendingHostKeys.host(forKeyHash: keyHash, in: db) else { return nil }
                try rotation.hosts.replaceKey(hostID: host.hostID, keyHash: keyHash, in: db)
                try PendingHostKeys.drop(hostID: host.hostID, in: db)
                return host
            }
            guard let promoted else { return nil }
            // The old key may sit in this or another process's cache: drop them all.
            rotation.announceKeyChange()
            return Principal(kind: kind, id: promoted.hostID, customerID: promoted.customerID)
        }
    }
}
