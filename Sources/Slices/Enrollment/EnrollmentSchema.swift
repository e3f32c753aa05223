import Kernel

/// Enrollment's tables. Additive: a host's own row stays host-ingest's, which this slice
/// changes only through what host-ingest exports (``HostIngestSlice/HostStore``).
enum EnrollmentSchema {
    static let migrations: [Migration] = [
        // The token itself is never stored: its SHA-256 hash is, and found by it.
        .additive("enrollment-001-tokens", sql: """
            CREATE TABLE IF NOT EXISTS enrollment_tokens (
                token_id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                customer_id TEXT NOT NULL,
                label TEXT,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                uses INTEGER NOT NULL,
                used INTEGER NOT NULL DEFAULT 0,
                revoked_at TEXT
            );
            CREATE INDEX IF NOT EXISTS enrollment_tokens_customer ON enrollment_tokens (customer_id, created_at);
            """),
        // A host's next key, waiting for its first use before it replaces the current one.
        .additive("enrollment-002-host-key-rotations", sql: """
            CREATE TABLE IF NOT EXISTS host_key_rotations (
                host_id TEXT PRIMARY KEY,
                key_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            );
            """),
    ]
}
