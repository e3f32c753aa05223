import Foundation
import GRDB
import Kernel

/// `ops_signing_keys`: every public key the hub has signed with, and when it stopped.
///
/// The private key lives only in ``SigningKeyFile``; this table is what lets a retired
/// key stay published (and ops signed with it stay verifiable) for
/// ``OpsKeyRing/verificationWindow`` after a rotation.
enum SigningKeyRecords {
    /// Records `key` as the one that signs from `now`: inserts it (or reinstates it) and
    /// retires every other key still marked active. Idempotent, so the rotating process
    /// and a server noticing the new file may both call it.
    static func noteActive(_ key: OpsPublicKey, now: Timestamp, in db: any DatabaseSession) throws {
        try db.execute(
            sql: """
                INSERT INTO ops_signing_keys (keyid, public_key, created_at, retired_at) VALUES (?, ?, ?, NULL)
                ON CONFLICT(keyid) DO UPDATE SET retired_at = NULL
                """,
            arguments: [key.keyID, key.raw.base64EncodedString(), now]
        )
        try db.execute(
            sql: "UPDATE ops_signing_keys SET retired_at = ? WHERE retired_at IS NULL AND keyid <> ?",
            arguments: [now, key.keyID]
        )
    }

    /// The key that signs now, as last recorded; `nil` before any key was.
    static func activeKeyID(in db: any DatabaseSession) throws -> String? {
        try String.fetchOne(db, sql: "SELECT keyid FROM ops_signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
    }

    /// Keys retired at or after `cutoff`, other than `activeKeyID`, most recently retired first.
    static func retired(since cutoff: Timestamp, excluding activeKeyID: String, in db: any DatabaseSession) throws -> [OpsPublicKey] {
        try String.fetchAll(
            db,
            sql: """
                SELECT public_key FROM ops_signing_keys
                WHERE keyid <> ? AND retired_at IS NOT NULL AND retired_at >= ?
                ORDER BY retired_at DESC, keyid
                """,
            arguments: [activeKeyID, cutoff]
        ).compactMap { Data(base64Encoded: $0).map(OpsPublicKey.init(raw:)) }
    }
}
