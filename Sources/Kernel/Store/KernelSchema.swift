/// The kernel's own tables. They are migrated like a slice's, under the owner `kernel`,
/// before any slice.
enum KernelSchema {
    static let owner = "kernel"

    static let migrations: [Migration] = [
        .additive("kernel-001-events", sql: """
            CREATE TABLE IF NOT EXISTS kernel_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id TEXT NOT NULL,
                type TEXT NOT NULL,
                subject TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS kernel_events_customer ON kernel_events (customer_id, id);
            CREATE INDEX IF NOT EXISTS kernel_events_type ON kernel_events (type, id);
            """),
        .additive("kernel-002-subject-states", sql: """
            CREATE TABLE IF NOT EXISTS kernel_subject_states (
                checker TEXT NOT NULL,
                subject TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                state TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                PRIMARY KEY (checker, subject)
            );
            """),
        .additive("kernel-003-flags", sql: """
            CREATE TABLE IF NOT EXISTS kernel_flags (
                name TEXT PRIMARY KEY,
                enabled INTEGER NOT NULL,
                customers_json TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                updated_by TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS kernel_flag_audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                flag TEXT NOT NULL,
                actor TEXT NOT NULL,
                old_value_json TEXT NOT NULL,
                new_value_json TEXT NOT NULL,
                changed_at TEXT NOT NULL
            );
            """),
        .additive("kernel-004-subject-state-index", sql: """
            CREATE INDEX IF NOT EXISTS kernel_subject_states_state ON kernel_subject_states (checker, state);
            """),
        // The dashboard's login sessions: the cookie's token is kept only as its hash.
        .additive("kernel-005-dashboard-sessions", sql: """
            CREATE TABLE IF NOT EXISTS kernel_dashboard_sessions (
                session_id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS kernel_dashboard_sessions_expiry ON kernel_dashboard_sessions (expires_at);
            """),
        // The dashboard's timeline and its overview count events by time.
        .additive("kernel-006-event-time-index", sql: """
            CREATE INDEX IF NOT EXISTS kernel_events_created ON kernel_events (created_at);
            """),
    ]

    /// Where applied migrations are recorded; created before anything else.
    static let ledgerSQL = """
        CREATE TABLE IF NOT EXISTS kernel_migrations (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            kind TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """
}
