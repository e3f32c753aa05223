import ControllerSlice
import Foundation
import GRDB
import Kernel

/// Hosts, guests and host reports: host-ingest's store operations. The report path
/// writes what the agent observed (reality columns: `agent_version`, `last_report_at`,
/// a guest's `display_name`, `status`, …) and never what an operator decided
/// (`desired_json`, `desired_generation`, `dr_record_json`, `api_key`,
/// `desired_spec_json`): a report must not undo an operator's intent (agent protocol §4).
package struct HostStore: Sendable {
    let database: HubDatabase
    let clock: any HubClock

    package init(database: HubDatabase, clock: any HubClock) {
        self.database = database
        self.clock = clock
    }

    // MARK: hosts

    /// Mints a host for an existing customer: a legible `<customer_id>-<6 of [a-z0-9]>`
    /// id and a fresh key, answered once.
    package func mint(customerID: String, label: String?) async throws -> (host: Host, apiKey: String) {
        try await database.write { db in try mint(customerID: customerID, label: label, in: db) }
    }

    /// The one way a host comes to be, inside the caller's transaction: the operator's
    /// mint and later slices (enrollment) share it.
    package func mint(customerID: String, label: String?, in db: any DatabaseSession) throws -> (host: Host, apiKey: String) {
        guard try CustomerDirectory().customer(customerID, in: db) != nil else {
            throw HubError.badRequest("unknown_customer", "no customer \(customerID)")
        }
        let apiKey = APIKey.generate()
        var hostID = Self.mintHostID(customerID: customerID)
        while try Self.host(hostID, in: db) != nil { hostID = Self.mintHostID(customerID: customerID) }
        try upsertHost(hostID: hostID, customerID: customerID, label: label ?? "", apiKeyHash: APIKey.hash(apiKey), in: db)
        guard let host = try Self.host(hostID, in: db) else { throw HubError.notFound("no host \(hostID)") }
        return (host, apiKey)
    }

    /// Gives the host a new key (by its hash); the old one stops working. Callers announce
    /// the change (``Kernel/SliceEnvironment/announceKeyChange()``) once it is committed.
    package func replaceKey(hostID: String, keyHash: String, in db: any DatabaseSession) throws {
        try db.execute(
            sql: "UPDATE hosts SET api_key_hash = ?, updated_at = ? WHERE host_id = ? AND revoked_at IS NULL",
            arguments: [keyHash, Timestamp(clock.now()), hostID]
        )
    }

    /// Revokes a host: its key is replaced by the hash of a key nobody holds, and the
    /// dead-man's switch stops watching it; reports, guests and events stay. Returns the
    /// host as revoked, or `nil` when there is no such host; revoking twice keeps the
    /// first time.
    package func revoke(hostID: String, in db: any DatabaseSession) throws -> Host? {
        let now = Timestamp(clock.now())
        try db.execute(
            sql: """
                UPDATE hosts SET api_key_hash = ?, revoked_at = COALESCE(revoked_at, ?), updated_at = ?
                WHERE host_id = ?
                """,
            arguments: [APIKey.hash(APIKey.generate()), now, now, hostID]
        )
        return try Self.host(hostID, in: db)
    }

    static func mintHostID(customerID: String) -> String {
        LegibleIdentifier.make(prefix: customerID + "-", length: 6)
    }

    /// Creates the host, or on conflict changes its identity (customer, label, key) and
    /// `updated_at` only.
    package func upsertHost(hostID: String, customerID: String, label: String, apiKeyHash: String, in db: any DatabaseSession) throws {
        let now = Timestamp(clock.now())
        try db.execute(
            sql: """
                INSERT INTO hosts (host_id, customer_id, label, api_key_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(host_id) DO UPDATE SET customer_id = excluded.customer_id, label = excluded.label,
                    api_key_hash = excluded.api_key_hash, updated_at = excluded.updated_at
                """,
            arguments: [hostID, customerID, label, apiKeyHash, now, now]
        )
    }

    package static func host(_ hostID: String, in db: any DatabaseSession) throws -> Host? {
        try Host.fetchOne(db, sql: "SELECT * FROM hosts WHERE host_id = ?", arguments: [hostID])
    }

    package func host(_ hostID: String) async throws -> Host? {
        try await database.read { db in try Self.host(hostID, in: db) }
    }

    /// The host a key belongs to, by the key's hash.
    package func host(forKeyHash keyHash: String) async throws -> Host? {
        try await database.read { db in
            try Host.fetchOne(db, sql: "SELECT * FROM hosts WHERE api_key_hash = ? AND revoked_at IS NULL", arguments: [keyHash])
        }
    }

    package func hosts(customerID: String?) async throws -> [Host] {
        try await database.read { db in
            var conditions = SQLConditions()
            if let customerID { conditions.add("customer_id = ?", customerID) }
            return try Host.fetchAll(db, sql: "SELECT * FROM hosts \(conditions.whereClause) ORDER BY host_id", arguments: conditions.arguments)
        }
    }

    // MARK: reports

    /// Inserts the report row and moves the host's reality columns; nothing else.
    ///
    /// Hand-written, prepared statements: this runs once per report, and a record would
    /// allocate an encoder and a dictionary of columns for every row it writes.
    package func saveHostReport(_ report: HostReport, raw: String, hostID: String, customerID: String, receivedAt: String, in db: any DatabaseSession) throws {
        try db.execute(sql: """
                INSERT INTO host_reports (host_id, customer_id, reported_at, received_at, agent_version, cpu_percent, mem_percent,
                    disk_percent, guest_total, guest_running, cloudflared_status, raw_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                hostID, customerID, report.reportedAtText, receivedAt, report.agentVersion, report.host.cpuPercent,
                report.host.memPercent, report.host.diskPercent, report.guests.count, report.runningGuestCount, report.cloudflaredStatus, raw,
            ])
        try db.execute(
            sql: "UPDATE hosts SET agent_version = ?, last_report_at = ? WHERE host_id = ?", arguments: [report.agentVersion, receivedAt, hostID]
        )
    }

    /// Creates or refreshes guests from their host's report, in one statement: reality
    /// columns only, so a guest's `api_key` and `desired_spec_json` survive every report.
    /// Hand-written, like ``saveHostReport(_:raw:hostID:customerID:receivedAt:in:)``: it
    /// runs for every report. `guests` is a group from ``GuestGroups``, whose few sizes
    /// keep the prepared statements few; a report never names a vmid twice, which one
    /// upsert of several rows needs on PostgreSQL.
    package func upsertGuestsFromReport(_ guests: ArraySlice<HostReport.ReportedGuest>, hostID: String, seenAt: String, in db: any DatabaseSession) throws {
        var arguments = SQLArguments()
        arguments.values.reserveCapacity(guests.count * 9)
        for guest in guests {
            arguments += [
                Guest.id(hostID: hostID, vmid: guest.vmid), hostID, guest.vmid, guest.name, guest.status, guest.controllerVersion, seenAt, seenAt, seenAt,
            ]
        }
        try db.execute(sql: GuestGroups.upsertSQL(rows: guests.count), arguments: arguments)
    }

    package func guests(hostID: String) async throws -> [Guest] {
        try await database.read { db in try Self.guests(hostID: hostID, in: db) }
    }

    package static func guests(hostID: String, in db: any DatabaseSession) throws -> [Guest] {
        try Guest.fetchAll(db, sql: "SELECT * FROM guests WHERE host_id = ? ORDER BY vmid", arguments: [hostID])
    }

    /// The figures of a host's latest report.
    package func latestReport(hostID: String) async throws -> ReportFigures? {
        try await database.read { db in
            try ReportFigures.fetchOne(
                db, sql: "SELECT * FROM \(ReportFigures.databaseTableName) WHERE host_id = ? ORDER BY id DESC LIMIT 1", arguments: [hostID]
            )
        }
    }

    // MARK: staleness

    /// The hosts that are not revoked, as a query later slices may use inside theirs
    /// (`… WHERE host_id IN (\(HostStore.activeHostIDsSQL))`).
    package static let activeHostIDsSQL = "SELECT host_id FROM hosts WHERE revoked_at IS NULL"

    /// What the host dead-man's switch watches: one row per host that has reported and is
    /// not revoked.
    package static let stalenessSubjectsSQL = "SELECT host_id AS subject, customer_id, last_report_at AS last_seen_at FROM hosts WHERE revoked_at IS NULL"

    /// Hosts that have reported, the subjects of the dead-man's switch; never-reported
    /// hosts are skipped.
    package func stalenessRows() async throws -> [Host] {
        try await database.read { db in
            try Host.fetchAll(db, sql: "SELECT * FROM hosts WHERE last_report_at IS NOT NULL AND revoked_at IS NULL ORDER BY host_id")
        }
    }
}
