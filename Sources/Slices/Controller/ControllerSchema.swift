import Kernel

/// The controller slice's tables: the pre-v0.7 schema, unchanged in meaning.
enum ControllerSchema {
    static let migrations: [Migration] = [
        .additive("controller-001-customer-configs", sql: """
            CREATE TABLE IF NOT EXISTS customer_configs (
                customer_id TEXT PRIMARY KEY,
                name TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
                api_key_hash TEXT NOT NULL UNIQUE,
                paid_until TEXT,
                webhook_url TEXT,
                webhook_secret TEXT,
                last_report_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        .additive("controller-002-reports", sql: """
            CREATE TABLE IF NOT EXISTS reports (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id TEXT NOT NULL REFERENCES customer_configs (customer_id),
                reported_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                controller_version TEXT NOT NULL,
                hostname TEXT,
                disk_percent REAL,
                last_backup_at TEXT,
                raw_json TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS reports_received_at ON reports (received_at);
            CREATE INDEX IF NOT EXISTS reports_customer ON reports (customer_id, received_at);
            """),
    ]
}
