import Kernel

/// The cutover's one migration. Destructive: it creates the guests' report tables, moves
/// every legacy controller report into them (``ReportMove``), verifies the copy and drops
/// `reports`, all in one transaction.
enum CutoverSchema {
    static let migrationID = "cutover-001-guest-reports"

    /// Indexes are built by the procedure once the rows are in: building them after a
    /// bulk copy is several times faster than keeping them up to date during it.
    static let tablesSQL = """
        CREATE TABLE guest_reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            guest_id TEXT,
            customer_id TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            controller_version TEXT NOT NULL,
            hostname TEXT,
            disk_percent REAL,
            last_backup_at TEXT,
            raw_json TEXT NOT NULL
        );
        CREATE TABLE guest_report_heads (
            guest_id TEXT PRIMARY KEY,
            host_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            last_report_at TEXT NOT NULL,
            last_report_id INTEGER NOT NULL
        );
        """

    static let indexesSQL = """
        CREATE INDEX guest_reports_received_at ON guest_reports (received_at);
        CREATE INDEX guest_reports_guest ON guest_reports (guest_id, id);
        CREATE INDEX guest_report_heads_last_report ON guest_report_heads (last_report_at);
        CREATE INDEX guest_report_heads_host ON guest_report_heads (host_id);
        """

    static let migrations: [Migration] = [
        .destructive(migrationID, sql: tablesSQL, procedure: ReportMove(), describedBy: ReportMove.description),
    ]
}
