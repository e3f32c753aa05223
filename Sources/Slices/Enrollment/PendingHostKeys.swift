import GRDB
import HostIngestSlice
import Kernel

/// A host's next key while a rotation is under way (agent protocol §7): the old key
/// keeps working until the new one has been used once, so a rotation whose answer was
/// lost on the wire does not lock the host out.
enum PendingHostKeys {
    /// Records `keyHash` as the host's next key, replacing an earlier one that was never
    /// used.
    static func record(hostID: String, keyHash: String, now: Timestamp, in db: any DatabaseSession) throws {
        try db.execute(
            sql: """
                INSERT INTO host_key_rotations (host_id, key_hash, created_at) VALUES (?, ?, ?)
                ON CONFLICT(host_id) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at
                """,
            arguments: [hostID, keyHash, now]
        )
    }

    static func drop(hostID: String, in db: any DatabaseSession) throws {
        try db.execute(sql: "DELETE FROM host_key_rotations WHERE host_id = ?", arguments: [hostID])
    }

    /// The host waiting for the key `keyHash`, unless it was revoked meanwhile.
    static func host(forKeyHash keyHash: String, in db: any DatabaseSession) throws -> Host? {
        guard let hostID = try String.fetchOne(db, sql: "SELECT host_id FROM host_key_rotations WHERE key_hash = ?", arguments: [keyHash]),
              let host = try HostStore.host(hostID, in: db), host.revokedAt == nil
        else { return nil }
        return host
    }
}
