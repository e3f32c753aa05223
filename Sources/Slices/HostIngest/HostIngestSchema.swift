import Kernel

/// Host-ingest's tables. Additive only: nothing here touches the controller's
/// `customer_configs` or `reports`. Operator-intent columns exist from the start, so
/// later slices need no ALTER: `hosts.desired_json`, `desired_generation` (written only
/// through ``HostDesiredState``), `dr_record_json`; `guests.api_key`, `desired_spec_json`.
enum HostIngestSchema {
    static let migrations: [Migration] = [
        .additive("host-ingest-001-hosts", sql: """
            CREATE TABLE IF NOT EXISTS hosts (
                host_id TEXT PRIMARY KEY,
                customer_id TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                api_key_hash TEXT NOT NULL UNIQUE,
                agent_version TEXT,
                last_report_at TEXT,
                desired_json TEXT,
                desired_generation INTEGER NOT NULL DEFAULT 0,
                dr_record_json TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS hosts_customer ON hosts (customer_id, host_id);
            CREATE INDEX IF NOT EXISTS hosts_last_report ON hosts (last_report_at);
            """),
        .additive("host-ingest-002-guests", sql: """
            CREATE TABLE IF NOT EXISTS guests (
                guest_id TEXT PRIMARY KEY,
                host_id TEXT NOT NULL REFERENCES hosts (host_id),
                vmid INTEGER NOT NULL,
                display_name TEXT,
                status TEXT,
                controller_version TEXT,
                last_seen_at TEXT,
                api_key TEXT,
                desired_spec_json TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS guests_host ON guests (host_id, vmid);
            """),
        .additive("host-ingest-003-host-reports", sql: """
            CREATE TABLE IF NOT EXISTS host_reports (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                host_id TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                reported_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                agent_version TEXT NOT NULL,
                cpu_percent REAL,
                mem_percent REAL,
                disk_percent REAL,
                guest_total INTEGER NOT NULL,
                guest_running INTEGER NOT NULL,
                cloudflared_status TEXT,
                raw_json TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS host_reports_received_at ON host_reports (received_at);
            CREATE INDEX IF NOT EXISTS host_reports_host ON host_reports (host_id, id);
            """),
        // A host can be revoked (by whatever later slice manages hosts' lives) without
        // losing its history, so the mark lives on the host's row.
        .additive("host-ingest-004-host-revocation", sql: """
            ALTER TABLE hosts ADD COLUMN revoked_at TEXT;
            """),
        // A guest key is looked up by its hash (``GuestKeys``); most guests have none.
        .additive("host-ingest-005-guest-key-index", sql: """
            CREATE UNIQUE INDEX IF NOT EXISTS guests_api_key ON guests (api_key) WHERE api_key IS NOT NULL;
            """),
    ]
}
