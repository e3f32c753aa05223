import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Forces what the database has written to its write-ahead log onto the disk.
///
/// This is the flush `synchronous=FULL` makes at the end of every commit, taken out of the
/// commit so ``GroupCommit`` can run it beside the writer (see there). The log is opened
/// anew for each flush: flushing a file flushes every write made to it, through any
/// descriptor, and a fresh descriptor never points at a log SQLite has since replaced.
package struct WALFlush: Sendable {
    let database: URL

    package init(database: URL) {
        self.database = database
    }

    var log: URL { URL(fileURLWithPath: database.path + "-wal") }

    /// Flushes the log; if there is none (the last connection closed and checkpointed it
    /// away, which syncs the database), the database file itself, to be sure.
    package func callAsFunction() throws {
        do {
            try flush(log)
        } catch let failure as FlushFailure where failure.code == ENOENT {
            try flush(database)
        }
    }

    private func flush(_ file: URL) throws {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FlushFailure(operation: "open", file: file, code: errno) }
        defer { close(descriptor) }
        #if canImport(Darwin)
        let result = fsync(descriptor)
        #else
        let result = fdatasync(descriptor)
        #endif
        guard result == 0 else { throw FlushFailure(operation: "flush", file: file, code: errno) }
    }
}

/// A flush that failed: what was committed is in the database but may not be on the disk,
/// so its writers are not told it is durable.
package struct FlushFailure: Error, CustomStringConvertible, Sendable {
    package let operation: String
    package let file: URL
    package let code: Int32

    package var description: String {
        "could not \(operation) \(file.lastPathComponent): \(String(cString: strerror(code)))"
    }
}
