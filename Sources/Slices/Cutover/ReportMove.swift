import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import Kernel

/// Moves the controller's legacy `reports` into `guest_reports` and drops `reports`:
/// the cutover's destructive step, run inside its migration's transaction.
///
/// Each row goes under the one guest of its customer that runs a controller, when there
/// is exactly one; otherwise it keeps its customer with no guest (unmapped). Rows keep
/// their ids and raw bytes. The copy goes in batches (progress between them), then both
/// tables are read through once more and compared by count and digest
/// (``ReportDigest``); only then is `reports` dropped. An open dead-man's-switch state of
/// a mapped controller becomes its guest's, so a controller stale before is a stale guest
/// after, with neither a second `…_stale` nor a lost recovery.
struct ReportMove: MigrationProcedure {
    static let batchRows = 10_000

    /// What the checksum of the migration stands for; change it with the procedure.
    static let description = """
        v1: map customer -> sole guest with controller_version (GuestKeys.soleControllerGuests);
        INSERT INTO guest_reports SELECT legacy rows by id in batches of \(batchRows), keeping id and raw_json;
        heads from MAX(received_at), MAX(id) per guest; controller_staleness states -> guest_staleness;
        verify count and digest(id, customer_id, received_at, raw_json); \(CutoverSchema.indexesSQL)
        DROP TABLE reports
        """

    func preview(_ db: any DatabaseSession) throws -> MigrationPreview {
        let counts = try LegacyReports.countsByCustomer(in: db)
        let guests = try GuestKeys.soleControllerGuests(in: db)
        let total = counts.values.reduce(0, +)
        let mapped = counts.filter { guests[$0.key] != nil }.values.reduce(0, +)
        return MigrationPreview(counts: [("reports", total), ("mapped", mapped), ("unmapped", total - mapped)])
    }

    func run(_ db: any DatabaseSession, at now: Date, progress: MigrationProgressReporter) throws {
        let guests = try GuestKeys.soleControllerGuests(in: db)
        let expected = try preview(db)
        let total = expected.counts[0].value
        try db.execute(sql: "CREATE TEMP TABLE cutover_guest_map (customer_id TEXT PRIMARY KEY, guest_id TEXT NOT NULL, host_id TEXT NOT NULL)")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS cutover_guest_map") }
        for holder in guests.values {
            try db.execute(
                sql: "INSERT INTO cutover_guest_map (customer_id, guest_id, host_id) VALUES (?, ?, ?)",
                arguments: [holder.customerID, holder.guestID, holder.hostID]
            )
        }
        try copy(total: total, db, progress: progress)
        try verify(expected: expected, db, progress: progress)
        // Indexes first: the heads are found through the guest index.
        try db.executeScript(CutoverSchema.indexesSQL)
        try carryHeadsAndStates(db, now: now)
        try LegacyReports.drop(in: db)
    }

    private func copy(total: Int, _ db: any DatabaseSession, progress: MigrationProgressReporter) throws {
        let columns = LegacyReports.columns.map { "r.\($0)" }
        let insert = """
            INSERT INTO guest_reports (id, guest_id, \(LegacyReports.columns.dropFirst().joined(separator: ", ")))
            SELECT r.id, m.guest_id, \(columns.dropFirst().joined(separator: ", "))
            FROM (\(LegacyReports.selectSQL) WHERE id > ? ORDER BY id LIMIT \(Self.batchRows)) AS r
            LEFT JOIN cutover_guest_map AS m ON m.customer_id = r.customer_id
            ORDER BY r.id
            """
        var copied = 0
        var lastID: Int64 = 0
        try progress.report("copying", done: 0, of: total)
        while true {
            try db.execute(sql: insert, arguments: [lastID])
            let moved = db.changesCount
            guard moved > 0 else { break }
            copied += moved
            lastID = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM guest_reports") ?? lastID
            try progress.report("copying", done: copied, of: total)
        }
        // Rows kept their ids; new reports are numbered after the last of them.
        if let renumber = db.dialect.identityCatchUpSQL(table: "guest_reports") { try db.execute(sql: renumber) }
    }

    private func verify(expected: MigrationPreview, _ db: any DatabaseSession, progress: MigrationProgressReporter) throws {
        let total = expected.counts[0].value
        try progress.report("verifying", done: 0, of: 2 * total)
        let legacy = try ReportDigest.of(table: LegacyReports.table, in: db) { try progress.report("verifying", done: $0, of: 2 * total) }
        let moved = try ReportDigest.of(table: "guest_reports", in: db) {
            try progress.report("verifying", done: total + $0, of: 2 * total)
        }
        let mapped = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM guest_reports WHERE guest_id IS NOT NULL") ?? 0
        guard legacy.rows == total, moved.rows == total else {
            throw CutoverFailure("copied \(moved.rows) reports of \(legacy.rows); nothing was changed")
        }
        guard legacy == moved else {
            throw CutoverFailure("the copied reports differ from the originals (digest \(moved.hex) ≠ \(legacy.hex)); nothing was changed")
        }
        guard mapped == expected.counts[1].value else {
            throw CutoverFailure("mapped \(mapped) reports to guests where \(expected.counts[1].value) were planned; nothing was changed")
        }
        try progress.report("verifying", done: 2 * total, of: 2 * total)
    }

    /// Where each mapped guest's silence starts, and the controller states it inherits.
    private func carryHeadsAndStates(_ db: any DatabaseSession, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO guest_report_heads (guest_id, host_id, customer_id, last_report_at, last_report_id)
            SELECT r.guest_id, m.host_id, m.customer_id, MAX(r.received_at), MAX(r.id)
            FROM guest_reports AS r JOIN cutover_guest_map AS m ON m.guest_id = r.guest_id
            GROUP BY r.guest_id, m.host_id, m.customer_id
            """)
        var moves: [SubjectMove] = []
        for row in try Row.fetchAll(db, sql: "SELECT customer_id, guest_id FROM cutover_guest_map") {
            let customerID: String = row["customer_id"]
            guard let state = try SubjectStates.state(checker: ControllerVocabulary.stalenessChecker, subject: customerID, in: db), state != "ok" else {
                continue
            }
            moves.append(SubjectMove(subject: row["guest_id"], customerID: customerID, state: state))
        }
        try SubjectStates.record(checker: CutoverVocabulary.guestStalenessChecker, moves, now: Timestamp.format(now), in: db)
    }
}

/// A cutover that cannot finish; the migration's transaction is undone.
struct CutoverFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
