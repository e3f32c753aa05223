import Crypto
import Foundation

/// One schema change, identified by a stable id and checked by the checksum of its SQL.
///
/// Additive migrations only create; destructive ones may drop or rewrite, and run only
/// when the operator says so (`hub migrate --allow-destructive`), after a backup.
/// Write additive SQL so it can run against a database that already has the objects
/// (`CREATE TABLE IF NOT EXISTS`). A destructive migration may carry a
/// ``MigrationProcedure`` that runs after its SQL, in the same transaction: the copy,
/// verification and drop that SQL alone cannot report progress on or check.
package struct Migration: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case additive, destructive
    }

    package let id: String
    package let kind: Kind
    package let sql: String
    package let procedure: (any MigrationProcedure)?
    /// Stands for the procedure in the checksum: change it whenever the procedure's
    /// effect on the schema or the data changes.
    let procedureText: String

    package init(id: String, kind: Kind, sql: String, procedure: (any MigrationProcedure)? = nil, procedureText: String = "") {
        self.id = id
        self.kind = kind
        self.sql = sql
        self.procedure = procedure
        self.procedureText = procedureText
    }

    package static func == (lhs: Migration, rhs: Migration) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.sql == rhs.sql && lhs.procedureText == rhs.procedureText
    }

    package static func additive(_ id: String, sql: String) -> Migration {
        Migration(id: id, kind: .additive, sql: sql)
    }

    package static func destructive(_ id: String, sql: String) -> Migration {
        Migration(id: id, kind: .destructive, sql: sql)
    }

    /// A destructive migration whose SQL prepares and whose `procedure` moves the data;
    /// `describedBy` is the procedure's own text for the checksum (the SQL it runs).
    package static func destructive(_ id: String, sql: String, procedure: any MigrationProcedure, describedBy procedureText: String) -> Migration {
        Migration(id: id, kind: .destructive, sql: sql, procedure: procedure, procedureText: procedureText)
    }

    /// The SQL as `dialect` runs it. Migrations are written once, in SQLite's words; on
    /// PostgreSQL their column types are translated (see ``PostgresSchemaText``). The
    /// checksum stays that of the written text, so a ledger copied between engines
    /// (`hub store copy`) stays valid.
    package func sql(for dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: sql
        case .postgres: PostgresSchemaText.translate(sql)
        }
    }

    /// SHA-256 of the SQL text (and of the procedure's text, when there is one): an
    /// applied migration whose text changed is refused.
    package var checksum: String {
        let text = procedure == nil ? sql : sql + "\n-- procedure --\n" + procedureText
        return APIKey.hex(SHA256.hash(data: Data(text.utf8)))
    }
}
