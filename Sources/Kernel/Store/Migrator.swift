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
        try await database.pool.read { db in
            guard try db.tableExists("kernel_migrations") else { return [:] }
            return Dictionary(uniqueKeysWithValues: try Applied.fetchAll(db).map { ($0.id, $0) })
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

    /// Runs the plan. A destructive step without `allowDestructive` refuses the whole
    /// plan before anything runs; with it, the database is backed up first.
    @discardableResult
    package func migrate(allowDestructive: Bool) async throws -> [Step] {
        let steps = try await plan()
        let destructive = steps.filter { $0.migration.kind == .destructive }
        if let first = destructive.first, !allowDestructive {
            throw MigrationError.destructiveRefused(id: first.migration.id)
        }
        if !destructive.isEmpty {
            let stamp = Timestamp.format(clock.now()).replacingOccurrences(of: ":", with: "")
            let file = backupDirectory.appendingPathComponent("hub-\(stamp)-before-\(destructive[0].migration.id).sqlite")
            try await database.backup(to: file)
            logger.notice("backed up the database before destructive migrations", metadata: ["file": "\(file.path)"])
        }
        if !steps.isEmpty {
            try await database.pool.write { db in try db.execute(sql: KernelSchema.ledgerSQL) }
        }
        for step in steps {
            // Another process (the command line beside the server) may have applied it
            // since the plan was made; write transactions are IMMEDIATE, so this check
            // and the insert below cannot interleave with theirs.
            let applied = try await database.pool.write { db -> Bool in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM kernel_migrations WHERE id = ?", arguments: [step.migration.id]) == nil else {
                    return false
                }
                try db.execute(sql: step.migration.sql)
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
        return steps
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
