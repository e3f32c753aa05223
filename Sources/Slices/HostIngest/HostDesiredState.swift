import GRDB
import Kernel

/// The operator-intent side of a host: its desired state and that state's generation.
///
/// `hosts.desired_json` and `hosts.desired_generation` belong to host-ingest's table; a
/// later slice that decides what a host should look like sets them only through this
/// type, so the `hosts` table keeps one owner. The report path never touches either
/// column.
///
/// ```swift
/// // a later slice, inside its write transaction
/// let stored = try HostDesiredState.replace(hostID: id, canonicalJSON: text, in: db)
/// ```
package enum HostDesiredState {
    /// What a host should look like, as last set.
    package struct Current: Sendable, Equatable, SnakeCaseRecord {
        package let hostID: String
        package let customerID: String
        /// 0 until a desired state is first set; one more with every change.
        package let generation: Int64
        /// The canonical JSON text last set; `nil` while none was.
        package let desiredJSON: String?
    }

    /// The outcome of ``replace(hostID:canonicalJSON:in:)``.
    package struct Stored: Sendable, Equatable {
        package let generation: Int64
        /// Whether the content differed from what was stored, and so raised the generation.
        package let changed: Bool
    }

    /// The host's desired state and generation; `nil` for an unknown host.
    package static func current(hostID: String, in db: any DatabaseSession) throws -> Current? {
        try Current.fetchOne(
            db, sql: "SELECT host_id, customer_id, desired_generation AS generation, desired_json FROM hosts WHERE host_id = ?", arguments: [hostID]
        )
    }

    /// The host's desired-state generation; 0 for an unknown host or one never given a
    /// desired state.
    package static func generation(hostID: String, in db: any DatabaseSession) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT desired_generation FROM hosts WHERE host_id = ?", arguments: [hostID]) ?? 0
    }

    /// Stores `canonicalJSON` as the host's desired state and raises the generation by
    /// one — only when the text differs from the stored one. `nil` for an unknown host.
    ///
    /// The compare and the raise are one `UPDATE … WHERE`, so inside a write transaction
    /// concurrent writers never lose an increment or share a number. The caller passes a
    /// canonical form (sorted keys, one encoding), so equal content means equal text.
    package static func replace(hostID: String, canonicalJSON: String, in db: any DatabaseSession) throws -> Stored? {
        try db.execute(
            sql: """
                UPDATE hosts SET desired_json = ?, desired_generation = desired_generation + 1
                WHERE host_id = ? AND desired_json IS DISTINCT FROM ?
                """,
            arguments: [canonicalJSON, hostID, canonicalJSON]
        )
        let changed = db.changesCount > 0
        guard let generation = try Int64.fetchOne(db, sql: "SELECT desired_generation FROM hosts WHERE host_id = ?", arguments: [hostID]) else {
            return nil
        }
        return Stored(generation: generation, changed: changed)
    }

    /// What ``replaceGuestSpec(guestID:canonicalJSON:in:)`` did.
    package struct GuestSpecStored: Sendable, Equatable {
        package let hostID: String
        /// The host's desired generation, raised when the spec changed.
        package let generation: Int64
        package let changed: Bool
    }

    /// Stores `canonicalJSON` as the guest's desired spec (`guests.desired_spec_json`) and,
    /// when it differs from the stored one, raises its host's desired generation, so the
    /// host fetches its desired state again. `nil` for an unknown guest.
    package static func replaceGuestSpec(guestID: String, canonicalJSON: String, in db: any DatabaseSession) throws -> GuestSpecStored? {
        guard let hostID = try String.fetchOne(db, sql: "SELECT host_id FROM guests WHERE guest_id = ?", arguments: [guestID]) else {
            return nil
        }
        try db.execute(
            sql: "UPDATE guests SET desired_spec_json = ? WHERE guest_id = ? AND desired_spec_json IS DISTINCT FROM ?",
            arguments: [canonicalJSON, guestID, canonicalJSON]
        )
        let changed = db.changesCount > 0
        if changed {
            try db.execute(sql: "UPDATE hosts SET desired_generation = desired_generation + 1 WHERE host_id = ?", arguments: [hostID])
        }
        return GuestSpecStored(hostID: hostID, generation: try generation(hostID: hostID, in: db), changed: changed)
    }

    /// The desired specs of the host's guests that have one, by vmid, as stored
    /// (canonical JSON text).
    package static func guestSpecs(hostID: String, in db: any DatabaseSession) throws -> [(vmid: Int, canonicalJSON: String)] {
        try Row.fetchAll(
            db, sql: "SELECT vmid, desired_spec_json FROM guests WHERE host_id = ? AND desired_spec_json IS NOT NULL ORDER BY vmid",
            arguments: [hostID]
        ).map { ($0["vmid"], $0["desired_spec_json"]) }
    }
}
