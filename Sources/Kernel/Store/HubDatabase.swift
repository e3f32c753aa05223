import Foundation
import GRDB
import Logging

/// The hub's database, on SQLite (the embedded default) or PostgreSQL
/// (`HUB_DATABASE_URL`). Slices read and write through ``read(_:)`` and ``write(_:)``
/// and the ``DatabaseSession`` they are handed, the same code on both engines.
///
/// On SQLite: WAL, one writer, concurrent readers, foreign keys on, `synchronous=FULL`
/// (an acknowledged commit survives power loss), and a busy timeout so a command-line
/// process and the server can share the file. The file holds webhook secrets and key
/// hashes, so it and its `-wal` and `-shm` companions are readable by the hub's user
/// only (SQLite gives the companions the database file's mode).
package struct HubDatabase: Sendable {
    package enum Engine: Sendable {
        case sqlite(DatabasePool, file: URL)
        case postgres(PostgresStore)
    }

    package let engine: Engine

    package init(engine: Engine) {
        self.engine = engine
    }

    package var dialect: SQLDialect {
        switch engine {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// The SQLite pool, for what only SQLite has (its backup API, checkpoints, the
    /// file's size); `nil` on PostgreSQL.
    package var sqlitePool: DatabasePool? {
        if case .sqlite(let pool, _) = engine { pool } else { nil }
    }

    /// The SQLite file; `nil` on PostgreSQL.
    package var sqliteFile: URL? {
        if case .sqlite(_, let file) = engine { file } else { nil }
    }

    /// Where the data lives, for the log (never a password).
    package var location: String {
        switch engine {
        case .sqlite(_, let file): file.path
        case .postgres(let store): store.address.description
        }
    }

    /// Runs `work` in one read snapshot.
    package func read<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        switch engine {
        case .sqlite(let pool, _): try await pool.read { db in try work(SQLiteSession(db)) }
        case .postgres(let store): try await store.read(work)
        }
    }

    /// Runs `work` in one write transaction; writers take turns (on PostgreSQL, across
    /// every replica).
    package func write<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        switch engine {
        case .sqlite(let pool, _): try await pool.write { db in try work(SQLiteSession(db)) }
        case .postgres(let store): try await store.write(work)
        }
    }

    /// Opens the store `configuration` names: PostgreSQL when it has a database URL,
    /// otherwise the SQLite file in the data folder.
    package static func open(_ configuration: HubConfiguration, readOnly: Bool = false, logger: Logger) throws -> HubDatabase {
        if let address = configuration.databaseAddress {
            return HubDatabase(engine: .postgres(try PostgresStore(address: address, logger: logger)))
        }
        return try open(at: configuration.databaseFile, readOnly: readOnly)
    }

    /// The writer checkpoints by itself only past this many WAL pages (about 40 MB);
    /// normally ``WALCheckpointer`` has done it long before.
    package static let writerAutoCheckpointPages = 10_000

    /// What a checkpointed WAL file is cut back to (64 MiB): more than the WAL ever holds
    /// between checkpoints in normal running.
    package static let walSizeLimitBytes = 64 * 1024 * 1024

    /// The writer's page cache, in KiB; readers keep SQLite's default.
    package static let writerCacheKiB = 32 * 1024

    /// Opens (and creates, unless `readOnly`) the database. A read-only hub writes
    /// nothing, not even a checkpoint when it closes: what `hub migrate --dry-run` needs.
    package static func open(at file: URL, readerCount: Int = 4, readOnly: Bool = false) throws -> HubDatabase {
        if readOnly, FileManager.default.fileExists(atPath: file.path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            return HubDatabase(engine: .sqlite(try DatabasePool(path: file.path, configuration: configuration), file: file))
        }
        try PrivateDirectory.create(at: file.deletingLastPathComponent())
        // SQLite would create the file 0644; an empty file is an empty database to it.
        _ = try PrivateFile.createEmpty(at: file)
        for companion in ["", "-wal", "-shm"] {
            PrivateFile.restrict(URL(fileURLWithPath: file.path + companion))
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = readerCount
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(writerAutoCheckpointPages)")
            // A large transaction (a destructive migration's copy) grows the WAL to its
            // size; once checkpointed, the file is cut back to this instead of keeping it.
            try db.execute(sql: "PRAGMA journal_size_limit = \(walSizeLimitBytes)")
            if !db.configuration.readonly {
                // The writer inserts into large indexes at random keys (a guest id, a host
                // id); the 2 MB default cache would send most of those to the disk.
                try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
            }
        }
        let pool = try DatabasePool(path: file.path, configuration: configuration)
        return HubDatabase(engine: .sqlite(pool, file: file))
    }

    /// A write that is done again if lost, committed without waiting for the disk (see
    /// ``GRDB/Database/inUnflushedTransaction(_:)``): the writer is held only for the work.
    /// PostgreSQL commits it as any other write.
    package func writeRedoable<T: Sendable>(_ work: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        switch engine {
        case .sqlite(let pool, _):
            try await pool.writeWithoutTransaction { db in try db.inUnflushedTransaction { try work(SQLiteSession(db)) } }
        case .postgres(let store):
            try await store.write(work)
        }
    }

    package func close() throws {
        switch engine {
        case .sqlite(let pool, _): try pool.close()
        case .postgres(let store): store.close()
        }
    }

    /// A consistent copy of the whole database, taken while it stays online, with
    /// SQLite's backup API: page by page from one read snapshot (never a file copy of a
    /// live WAL database, which can catch a half-checkpointed state). Writers go on
    /// meanwhile. The copy is a file of its own, private from its first byte, and is
    /// refused if `destination` exists (a backup never overwrites another).
    package func backup(to destination: URL) async throws {
        guard let pool = sqlitePool else {
            throw ConfigurationError("a PostgreSQL hub is backed up with PostgreSQL's own tools (pg_dump, or the server's base backups)")
        }
        try PrivateDirectory.create(at: destination.deletingLastPathComponent())
        guard try PrivateFile.createEmpty(at: destination) else {
            throw ConfigurationError("\(destination.path) exists; a backup does not overwrite a file")
        }
        do {
            let copy = try DatabaseQueue(path: destination.path)
            try await pool.read { db in
                try copy.writeWithoutTransaction { destination in try db.backup(to: destination) }
            }
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(at: destination)
            throw error
        }
    }
}
