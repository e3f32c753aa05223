import Kernel

/// The controller slice's tables: the pre-v0.7 schema, unchanged in meaning, and the
/// webhook outbox (v0.7.1).
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
        // One row per event to deliver to a customer's webhook, written in the event's
        // own transaction. `status`: pending → delivered | failed (given up) | cancelled
        // (the webhook_url was removed). `body` is the event JSON exactly as sent.
        .additive("controller-003-webhook-outbox", sql: """
            CREATE TABLE IF NOT EXISTS webhook_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id INTEGER NOT NULL UNIQUE,
                customer_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                last_attempt_at TEXT,
                last_error TEXT,
                finished_at TEXT
            );
            CREATE INDEX IF NOT EXISTS webhook_outbox_queue ON webhook_outbox (status, customer_id, id);
            """),
    ]
}
