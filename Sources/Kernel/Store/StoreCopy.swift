import Foundation
import GRDB
import Logging

/// Moves a SQLite hub's whole database into an empty PostgreSQL database: what an
/// operator runs once, with the hub stopped, to go from one machine to several
/// (`hub store copy --to postgres://…`).
///
/// The target gets its schema from the same migrations the source's ledger lists (so
/// it is the schema PostgreSQL hubs are made with), then every table's rows — the
/// ledger, the flags and their audit included — in batches, parents before children,
/// with their ids; identity counters are moved past the copied ids; then each table's
/// rows are counted on both sides. Nothing is written to the source.
package struct StoreCopy: Sendable {
    let source: HubDatabase
    let target: HubDatabase
    /// Every slice's migrations, by owner, in apply order (the catalogue, not only the
    /// enabled slices: a slice switched off keeps its tables, and they move too).
    let owners: [(owner: String, migrations: [Migration])]
    let clock: any HubClock
    let logger: Logger

    package init(source: HubDatabase, target: HubDatabase, owners: [(owner: String, migrations: [Migration])], clock: any HubClock, logger: Logger) {
        self.source = source
        self.target = target
        self.owners = owners
        self.clock = clock
        self.logger = logger
    }

    /// One table as copied: rows read from the source and counted in the target.
    package struct CopiedTable: Sendable, Encodable, Equatable {
        package let table: String
        package let rows: Int
    }

    package func run(progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws -> [CopiedTable] {
        guard let pool = source.sqlitePool else { throw ConfigurationError("the source of a copy is a SQLite hub (unset HUB_DATABASE_URL)") }
        guard target.dialect == .postgres else { throw ConfigurationError("the target of a copy is a PostgreSQL database (--to postgres://…)") }
        guard try await target.read({ db in try Migrator.isEmpty(db) }) else {
            throw ConfigurationError("the target database is not empty; copy into a database of its own, freshly created (CREATE DATABASE …)")
        }
        let applied = try await pool.read { db in
            try db.tableExists("kernel_migrations") ? Set(try String.fetchAll(db, sql: "SELECT id FROM kernel_migrations")) : []
        }
        let known = Set(owners.flatMap { $0.migrations.map(\.id) } + KernelSchema.migrations.map(\.id))
        if let unknown = applied.subtracting(known).sorted().first {
            throw ConfigurationError("the source applied migration \(unknown), which this build does not carry; copy with the build that serves it")
        }
        // The schema, from the migrations the source applied (its ledger is copied below).
        let schema = Migrator(
            database: target, owners: owners.map { ($0.owner, $0.migrations.filter { applied.contains($0.id) }) },
            backupDirectory: FileManager.default.temporaryDirectory, clock: clock, logger: logger
        )
        try await schema.migrate(allowDestructive: true)
        try await target.write { db in try db.execute(sql: "DELETE FROM kernel_migrations") }

        let tables = try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
        }
        var copied: [CopiedTable] = []
        for table in tables {
            let rows = try await copy(table, from: pool, progress: progress)
            let counted = try await target.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            guard counted == rows else {
                throw ConfigurationError("table \(table): \(rows) rows read, \(counted) in the target; the copy is not complete")
            }
            copied.append(CopiedTable(table: table, rows: rows))
        }
        try await target.write { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND is_identity = 'YES'
                """) {
                if let catchUp = db.dialect.identityCatchUpSQL(table: row["table_name"], column: row["column_name"]) {
                    try db.execute(sql: catchUp)
                }
            }
        }
        return copied
    }

    /// Copies `table` in batches by SQLite's row number; answers how many rows it read.
    private func copy(_ table: String, from pool: DatabasePool, progress: @escaping @Sendable (String, Int) -> Void) async throws -> Int {
        let columns = try await pool.read { db in try db.columns(in: table).map(\.name) }
        let targetColumns = try await target.read { db in
            Set(try String.fetchAll(
                db, sql: "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?",
                arguments: [table]
            ))
        }
        guard !targetColumns.isEmpty else {
            throw ConfigurationError("table \(table) is in the source but no migration made it in the target")
        }
        if let missing = columns.first(where: { !targetColumns.contains($0) }) {
            throw ConfigurationError("column \(table).\(missing) is in the source but not in the target")
        }
        // PostgreSQL takes at most 65,535 parameters in one statement.
        let batch = max(1, min(1_000, 60_000 / columns.count))
        let insertHead = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let rowPlaceholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var lastRowID: Int64 = 0
        var total = 0
        while true {
            let after = lastRowID
            let (rowIDs, values) = try await pool.read { db -> ([Int64], [DatabaseValue]) in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT rowid AS hub_copy_rowid, * FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT \(batch)",
                    arguments: [after]
                )
                return (rows.map { $0["hub_copy_rowid"] }, rows.flatMap { row in columns.map { row[$0] as DatabaseValue } })
            }
            guard let last = rowIDs.last else { break }
            let sql = insertHead + Array(repeating: rowPlaceholders, count: rowIDs.count).joined(separator: ", ")
            try await target.write { db in try db.execute(sql: sql, arguments: SQLArguments(values)) }
            lastRowID = last
            total += rowIDs.count
            progress(table, total)
        }
        return total
    }
}
