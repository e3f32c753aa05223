import GRDB
import Kernel

/// Guests' keys, kept as hashes in `guests.api_key`: what host-ingest exports to the slice
/// that lets controllers report as guests (the cutover). The column is host-ingest's, so
/// the reads and writes of it live here; a guest on a revoked host has no working key.
package enum GuestKeys {
    /// Who a guest key belongs to.
    package struct Holder: Sendable, Equatable, SnakeCaseRecord {
        package let guestID: String
        package let hostID: String
        package let customerID: String
    }

    /// The guest whose key hashes to `keyHash`, on a host that is not revoked.
    package static func holder(forKeyHash keyHash: String, in db: any DatabaseSession) throws -> Holder? {
        try Holder.fetchOne(db, sql: """
            SELECT g.guest_id, g.host_id, h.customer_id FROM guests AS g JOIN hosts AS h ON h.host_id = g.host_id
            WHERE g.api_key = ? AND h.revoked_at IS NULL
            """, arguments: [keyHash])
    }

    /// Gives the guest a new key (by its hash); the previous one stops working. `nil` for
    /// no such guest, or one on a revoked host. Callers announce the change once it is
    /// committed, so running hubs drop the old key from their caches.
    package static func replaceKey(guestID: String, keyHash: String, at now: Timestamp, in db: any DatabaseSession) throws -> Holder? {
        guard let holder = try Holder.fetchOne(db, sql: """
            SELECT g.guest_id, g.host_id, h.customer_id FROM guests AS g JOIN hosts AS h ON h.host_id = g.host_id
            WHERE g.guest_id = ? AND h.revoked_at IS NULL
            """, arguments: [guestID])
        else { return nil }
        try db.execute(sql: "UPDATE guests SET api_key = ?, updated_at = ? WHERE guest_id = ?", arguments: [keyHash, now, guestID])
        return holder
    }

    /// For each customer with exactly one guest that runs a controller (its host reported
    /// a `controller_version` for it), that guest: where a customer's legacy controller
    /// reports belong once controllers report as guests.
    package static func soleControllerGuests(in db: any DatabaseSession) throws -> [String: Holder] {
        guard try db.tableExists("guests"), try db.tableExists("hosts") else { return [:] }
        let holders = try Holder.fetchAll(db, sql: """
            SELECT MIN(g.guest_id) AS guest_id, MIN(g.host_id) AS host_id, h.customer_id AS customer_id
            FROM guests AS g JOIN hosts AS h ON h.host_id = g.host_id
            WHERE g.controller_version IS NOT NULL
            GROUP BY h.customer_id HAVING COUNT(*) = 1
            """)
        return Dictionary(uniqueKeysWithValues: holders.map { ($0.customerID, $0) })
    }
}
