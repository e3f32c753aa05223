import Foundation
import GRDB

/// The hub's SQLite database: WAL, one writer, concurrent readers, foreign keys on,
/// `synchronous=FULL` (an acknowledged commit survives power loss), and a busy timeout
/// so a command-line process and the server can share the file.
///
/// The file holds webhook secrets and key hashes, so it and its `-wal` and `-shm`
/// companions are readable by the hub's user only (SQLite gives the companions the
/// database file's mode).
package struct HubDatabase: Sendable {
    package let pool: DatabasePool
    package let file: URL

    /// The writer checkpoints by itself only past this many WAL pages (about 40 MB);
    /// normally ``WALCheckpointer`` has done it long before.
    package static let writerAutoCheckpointPages = 10_000

    /// The writer's page cache, in KiB; readers keep SQLite's default.
    package static let writerCacheKiB = 32 * 1024

    package static func open(at file: URL, readerCount: Int = 4) throws -> HubDatabase {
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
            if !db.configuration.readonly {
                // The writer inserts into large indexes at random keys (a guest id, a host
                // id); the 2 MB default cache would send most of those to the disk.
                try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
            }
        }
        let pool = try DatabasePool(path: file.path, configuration: configuration)
        return HubDatabase(pool: pool, file: file)
    }

    /// A write that is done again if lost, committed without waiting for the disk (see
    /// ``GRDB/Database/inUnflushedTransaction(_:)``): the writer is held only for the work.
    package func writeRedoable<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in try db.inUnflushedTransaction { try work(db) } }
    }

    package func close() throws {
        try pool.close()
    }

    /// A consistent copy of the whole database, taken while it stays online.
    package func backup(to destination: URL) async throws {
        try PrivateDirectory.create(at: destination.deletingLastPathComponent())
        // `VACUUM INTO` fills an empty file; created here, the copy is private from its
        // first byte.
        _ = try PrivateFile.createEmpty(at: destination)
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [destination.path])
        }
    }
}
