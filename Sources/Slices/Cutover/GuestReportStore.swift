import ControllerSlice
import GRDB
import HostIngestSlice
import Kernel

/// The cutover's tables: `guest_reports` (every controller report, the legacy ones
/// included) and `guest_report_heads` (each guest's latest report, where its silence is
/// measured from).
enum GuestReportStore {
    /// Prepared statements: this runs for every controller report.
    static func insert(_ report: ControllerReport, raw: String, guestID: String, customerID: String, receivedAt: Timestamp, in db: any DatabaseSession) throws {
        let reportID = try Int64.fetchOne(db, sql: """
            INSERT INTO guest_reports (guest_id, customer_id, reported_at, received_at, controller_version, hostname, disk_percent, last_backup_at, raw_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """, arguments: [
            guestID, customerID, report.reportedAt, receivedAt, report.controllerVersion, report.hostname, report.diskPercent,
            report.lastBackupAt, raw,
        ])
        try db.execute(sql: """
            INSERT INTO guest_report_heads (guest_id, host_id, customer_id, last_report_at, last_report_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (guest_id) DO UPDATE SET customer_id = excluded.customer_id, last_report_at = excluded.last_report_at,
                last_report_id = excluded.last_report_id
            """, arguments: [guestID, Guest.hostID(ofGuestID: guestID), customerID, receivedAt, reportID])
    }

    /// What the guests' dead-man's switch watches: guests that have reported, on hosts
    /// that are not revoked.
    static let stalenessSubjectsSQL = """
        SELECT guest_id AS subject, customer_id, last_report_at AS last_seen_at FROM guest_report_heads
        WHERE host_id IN (\(HostStore.activeHostIDsSQL))
        """
}
