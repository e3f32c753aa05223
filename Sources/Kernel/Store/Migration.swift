import Crypto
import Foundation

/// One schema change, identified by a stable id and checked by the checksum of its SQL.
///
/// Additive migrations only create; destructive ones may drop or rewrite, and run only
/// when the operator says so (`hub migrate --allow-destructive`), after a backup.
/// Write additive SQL so it can run against a database that already has the objects
/// (`CREATE TABLE IF NOT EXISTS`).
package struct Migration: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case additive, destructive
    }

    package let id: String
    package let kind: Kind
    package let sql: String

    package init(id: String, kind: Kind, sql: String) {
        self.id = id
        self.kind = kind
        self.sql = sql
    }

    package static func additive(_ id: String, sql: String) -> Migration {
        Migration(id: id, kind: .additive, sql: sql)
    }

    package static func destructive(_ id: String, sql: String) -> Migration {
        Migration(id: id, kind: .destructive, sql: sql)
    }

    /// SHA-256 of the SQL text: an applied migration whose text changed is refused.
    package var checksum: String {
        APIKey.hex(SHA256.hash(data: Data(sql.utf8)))
    }
}
