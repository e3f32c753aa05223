import Foundation
import GRDB

/// The part of a destructive migration that SQL alone cannot say: moving rows in
/// batches with progress, verifying the copy, and only then dropping what it replaces.
///
/// It runs after the migration's SQL, inside the same transaction, and the ledger row is
/// written in that transaction too: a failure or a `kill -9` at any point leaves nothing
/// of it, and the next `hub migrate` starts it again from the beginning (the copy,
/// verify, then switch of gh-ost and Stripe's online migrations, made atomic by SQLite).
package protocol MigrationProcedure: Sendable {
    /// What the operator is shown before anything runs (`hub migrate --dry-run`). Reads
    /// only; the tables it reads may not exist yet on a database that has never been
    /// migrated.
    func preview(_ db: any DatabaseSession) throws -> MigrationPreview

    /// Does the work, `now` by the hub's clock. Call `progress` between batches: it shows
    /// the operator how far the work is and may throw to stop it (the whole migration is
    /// then undone).
    func run(_ db: any DatabaseSession, at now: Date, progress: MigrationProgressReporter) throws
}

/// Named counts a procedure shows before it runs: in the dry run's JSON under its
/// migration's owner (`"cutover": {"reports": …}`), and as one line on a terminal.
package struct MigrationPreview: Sendable, Equatable {
    package let counts: [(name: String, value: Int)]

    package init(counts: [(name: String, value: Int)]) {
        self.counts = counts
    }

    package static func == (lhs: MigrationPreview, rhs: MigrationPreview) -> Bool {
        lhs.counts.map(\.name) == rhs.counts.map(\.name) && lhs.counts.map(\.value) == rhs.counts.map(\.value)
    }

    /// `reports 20000, mapped 19000, unmapped 1000`.
    package var line: String {
        counts.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
    }

    package var json: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.name, JSONValue.number(Double($0.value))) }))
    }
}

/// How far a running migration is.
package struct MigrationProgress: Sendable, Equatable {
    package let migrationID: String
    /// What it is doing: `copying`, `verifying`, …
    package let phase: String
    package let done: Int
    package let total: Int

    package init(migrationID: String, phase: String, done: Int, total: Int) {
        self.migrationID = migrationID
        self.phase = phase
        self.done = done
        self.total = total
    }
}

/// Where a procedure reports its progress; the command line draws it, a test may stop
/// the migration from it.
package struct MigrationProgressReporter: Sendable {
    package let migrationID: String
    let sink: @Sendable (MigrationProgress) throws -> Void

    package init(migrationID: String, sink: @escaping @Sendable (MigrationProgress) throws -> Void) {
        self.migrationID = migrationID
        self.sink = sink
    }

    package func report(_ phase: String, done: Int, of total: Int) throws {
        try sink(MigrationProgress(migrationID: migrationID, phase: phase, done: done, total: total))
    }
}
