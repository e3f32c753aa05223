import Foundation
import GRDB
import Logging

/// Applies the kernel's and the enabled slices' migrations, in order, each in its own
/// transaction, recording id, checksum and time in `kernel_migrations`.
///
/// Reads like the plan it carries out: ``plan()`` says what would run and refuses a
/// database whose applied migrations were edited since; ``migrate(allowDestructive:)``
/// runs it, taking a backup first when anything destructive is in it.
package struct Migrator: Sendable {
    /// Migrations grouped by owner (`kernel` or a slice name), owners in apply order.
    package let owners: [(owner: String, migrations: [Migration])]
    let database: HubDatabase
    let backupDirectory: URL
    let clock: any HubClock
    let logger: Logger

    package init(
        database: HubDatabase, owners: [(owner: String, migrations: [Migration])],
        backupDirectory: URL, clock: any HubClock, logger: Logger
    ) {
        self.database = database
        self.owners = [(KernelSchema.owner, KernelSchema.migrations)] + owners
        self.backupDirectory = backupDirectory
        self.clock = clock
        self.logger = logger
    }

    /// A migration that has not been applied yet.
    package struct Step: Sendable, Equatable {
        package let owner: String
        package let migration: Migration
    }

    /// What is recorded of an applied migration: a row of `kernel_migrations`.
    package struct Applied: Sendable, Equatable, SnakeCaseRecord, TableRecord {
        package static let databaseTableName = "kernel_migrations"
        package let id: String
        package let owner: String
        package let kind: String
        package let checksum: String
        package let appliedAt: Timestamp
    }

    /// Reads only: a fresh database (no ledger yet) has nothing applied, and asking
    /// (as `hub migrate --dry-run` does) creates nothing.
    package func applied() async throws -> [String: Applied] {
        try await database.read { db in
            guard try db.tableExists("kernel_migrations") else { return [:] }
            return Dictionary(uniqueKeysWithValues: try Applied.fetchAll(db, sql: "SELECT * FROM kernel_migrations").map { ($0.id, $0) })
        }
    }

    /// The pending steps, in order. Throws ``MigrationError/checksumMismatch`` when an
    /// applied migration's SQL has changed since it ran.
    package func plan() async throws -> [Step] {
        let done = try await applied()
        var pending: [Step] = []
        for (owner, migrations) in owners {
            for migration in migrations {
                if let record = done[migration.id] {
                    guard record.checksum == migration.checksum else {
                        throw MigrationError.checksumMismatch(id: migration.id)
                    }
                } else {
                    pending.append(Step(owner: owner, migration: migration))
                }
            }
        }
        return pending
    }

    /// What `hub migrate --dry-run` shows: the pending steps, what each procedure would
    /// move, and where the backup would go. Reads only.
    package struct Preview: Sendable, Equatable {
        package let steps: [Step]
        /// One per pending step that carries a procedure, with the step's owner.
        package let procedures: [(owner: String, preview: MigrationPreview)]
        /// Where the backup goes before a destructive step; `nil` when none is pending or
        /// the database is empty (nothing to lose).
        package let backupFile: URL?

        package static func == (lhs: Preview, rhs: Preview) -> Bool {
            lhs.steps == rhs.steps && lhs.backupFile == rhs.backupFile
                && lhs.procedures.map(\.owner) == rhs.procedures.map(\.owner) && lhs.procedures.map(\.preview) == rhs.procedures.map(\.preview)
        }
    }

    package func preview() async throws -> Preview {
        let steps = try await plan()
        let (procedures, empty) = try await database.read { db in
            (
                try steps.compactMap { step in try step.migration.procedure.map { (step.owner, try $0.preview(db)) } },
                try Self.isEmpty(db)
            )
        }
        let destructive = steps.first { $0.migration.kind == .destructive }
        return Preview(
            steps: steps, procedures: procedures,
            backupFile: empty || database.sqlitePool == nil ? nil : destructive.map { backupFile(before: $0.migration.id) }
        )
    }

    /// The backup taken before `migrationID`: `$HUB_DATA_DIR/backups/hub-<time>-before-<id>.sqlite`.
    package func backupFile(before migrationID: String) -> URL {
        let stamp = Timestamp.format(clock.now()).replacingOccurrences(of: ":", with: "")
        return backupDirectory.appendingPathComponent("hub-\(stamp)-before-\(migrationID).sqlite")
    }

    /// ``backupFile(before:)``, or beside it as `….2.sqlite`, `….3.sqlite` when a backup of that
    /// moment exists (a retry within the same millisecond): a backup never replaces one.
    private func unusedBackupFile(before migrationID: String) -> URL {
        let planned = backupFile(before: migrationID)
        var candidate = planned
        var number = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            number += 1
            candidate = planned.deletingPathExtension().appendingPathExtension("\(number)").appendingPathExtension("sqlite")
        }
        return candidate
    }

    /// Runs the plan. A destructive step without `allowDestructive` refuses the whole
    /// plan before anything runs; with it, the database is backed up first. A database
    /// with no tables at all has nothing to lose, so a fresh hub starts with every slice
    /// it is given, destructive steps included, without a backup.
    ///
    /// Each step is one transaction with its ledger row, a procedure's whole copy
    /// included: killed at any moment, the database holds the step entirely or not at
    /// all. `progress` hears from procedures between their batches.
    @discardableResult
    package func migrate(
        allowDestructive: Bool, progress: @escaping @Sendable (MigrationProgress) throws -> Void = { _ in }
    ) async throws -> [Step] {
        let steps = try await plan()
        let destructive = steps.filter { $0.migration.kind == .destructive }
        if let first = destructive.first {
            let empty = try await database.read { db in try Self.isEmpty(db) }
            if !empty {
                guard allowDestructive else { throw MigrationError.destructiveRefused(id: first.migration.id) }
                if database.sqlitePool != nil {
                    let file = unusedBackupFile(before: first.migration.id)
                    try await database.backup(to: file)
                    logger.notice("backed up the database before destructive migrations", metadata: ["file": "\(file.path)"])
                } else {
                    // PostgreSQL is backed up with its own tools; the operator who allows a
                    // destructive step has taken one (the README's runbook says so).
                    logger.notice("applying destructive migrations without a backup of the hub's own: PostgreSQL's backups (pg_dump) are the operator's")
                }
            }
        }
        if !steps.isEmpty {
            try await database.write { db in try db.executeScript(KernelSchema.ledgerSQL) }
        }
        for step in steps {
            // Another process (the command line beside the server) may have applied it
            // since the plan was made; write transactions are IMMEDIATE, so this check
            // and the insert below cannot interleave with theirs.
            let applied = try await database.write { db -> Bool in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM kernel_migrations WHERE id = ?", arguments: [step.migration.id]) == nil else {
                    return false
                }
                try db.executeScript(step.migration.sql(for: db.dialect))
                try step.migration.procedure?.run(db, at: clock.now(), progress: MigrationProgressReporter(migrationID: step.migration.id, sink: progress))
                try db.execute(
                    sql: "INSERT INTO kernel_migrations (id, owner, kind, checksum, applied_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [step.migration.id, step.owner, step.migration.kind.rawValue, step.migration.checksum, Timestamp(clock.now())]
                )
                return true
            }
            if applied {
                logger.info("applied migration", metadata: ["id": "\(step.migration.id)", "owner": "\(step.owner)"])
            }
        }
        if !destructive.isEmpty, let pool = database.sqlitePool {
            // A destructive step's copy went through the WAL in one transaction; move it
            // into the database now and give the file back, rather than leave a WAL as
            // large as the copy for the first start to checkpoint.
            do {
                try await pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            } catch {
                // The steps are committed; a later checkpoint will do this instead.
                logger.notice("the write-ahead log could not be cut back yet", metadata: ["error": "\(error)"])
            }
        }
        return steps
    }

    /// No table at all: nothing a destructive step could lose.
    static func isEmpty(_ db: any DatabaseSession) throws -> Bool {
        let tables = switch db.dialect {
        case .sqlite: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
        case .postgres: "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        }
        return try Int.fetchOne(db, sql: tables) == 0
    }
}

package enum MigrationError: Error, Equatable, CustomStringConvertible {
    case checksumMismatch(id: String)
    case destructiveRefused(id: String)
    case pending(id: String)

    package var description: String {
        switch self {
        case .checksumMismatch(let id):
            "migration \(id) was applied with different SQL than this build carries; refusing to start"
        case .destructiveRefused(let id):
            "migration \(id) is destructive; run 'hub migrate --allow-destructive' to back up and apply it"
        case .pending(let id):
            "migration \(id) has not been applied; run 'hub migrate'"
        }
    }
}
