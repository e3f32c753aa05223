import Kernel

/// Slice 4's tables. Additive only; the host's desired state lives in host-ingest's
/// `hosts.desired_json` / `desired_generation`, written through `HostDesiredState`.
enum SignedOpsSchema {
    static let migrations: [Migration] = [
        .additive("signed-ops-001-signing-keys", sql: """
            CREATE TABLE IF NOT EXISTS ops_signing_keys (
                keyid TEXT PRIMARY KEY,
                public_key TEXT NOT NULL,
                created_at TEXT NOT NULL,
                retired_at TEXT
            );
            """),
        .additive("signed-ops-002-ops", sql: """
            CREATE TABLE IF NOT EXISTS signed_ops (
                op_id TEXT PRIMARY KEY,
                host_id TEXT NOT NULL REFERENCES hosts (host_id),
                customer_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                args_json TEXT NOT NULL,
                issued_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                keyid TEXT NOT NULL,
                envelope_json TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'expired')),
                output TEXT,
                closed_at TEXT,
                UNIQUE (host_id, seq)
            );
            CREATE INDEX IF NOT EXISTS signed_ops_pending ON signed_ops (status, expires_at);
            CREATE TABLE IF NOT EXISTS signed_op_sequences (
                host_id TEXT PRIMARY KEY REFERENCES hosts (host_id),
                last_seq INTEGER NOT NULL
            );
            """),
    ]
}
