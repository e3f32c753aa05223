import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Copies the write-ahead log back into the database on its own connection, so that
/// the connection committing requests never stops to do it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold,
/// fsyncing the database file while every request in that commit waits. A PASSIVE
/// checkpoint on another connection runs beside the writer instead. The writer keeps
/// a large automatic threshold (``HubDatabase/writerAutoCheckpointPages``) as a safety
/// net for processes that do not run this service.
public struct WALCheckpointer: Service {
    let file: URL
    let interval: Duration
    let logger: Logger

    public init(file: URL, interval: Duration = .milliseconds(500), logger: Logger) {
        self.file = file
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: file.path, configuration: configuration)
        defer { try? connection.close() }
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            do {
                try await connection.writeWithoutTransaction { db in
                    _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
                }
            } catch {
                logger.warning("WAL checkpoint failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
