import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is using a data folder, told by an advisory lock on `$HUB_DATA_DIR/hub.lock`:
/// every `hub serve` holds it shared for as long as it runs; a destructive migration
/// takes it exclusively, so it does not start under a serving hub, which would go on
/// writing to a table the migration drops. The system lets go of the lock when the
/// process ends, however it ends (`kill -9` included), so a crash leaves nothing to clean.
package final class DataFolderLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Held by a serving hub; any number of them share it.
    package static func serving(_ dataDirectory: URL) throws -> DataFolderLock {
        try take(dataDirectory, operation: LOCK_SH) ?? {
            throw ConfigurationError("a destructive migration is running on \(dataDirectory.path); start the hub once it has finished")
        }()
    }

    /// Held while a destructive migration runs: refused while any hub serves the folder.
    package static func exclusive(_ dataDirectory: URL) throws -> DataFolderLock {
        try take(dataDirectory, operation: LOCK_EX) ?? {
            throw ConfigurationError(
                "a hub is serving \(dataDirectory.path); stop it before a destructive migration (it would write to what the migration drops)"
            )
        }()
    }

    /// The lock, or `nil` when another process holds it the other way.
    private static func take(_ dataDirectory: URL, operation: Int32) throws -> DataFolderLock? {
        try PrivateDirectory.create(at: dataDirectory)
        let file = dataDirectory.appendingPathComponent("hub.lock")
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFile.mode)
        guard descriptor >= 0 else {
            throw ConfigurationError("cannot open \(file.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, operation | LOCK_NB) != 0 {
            let failure = errno
            if failure == EINTR { continue }
            close(descriptor)
            if failure == EWOULDBLOCK { return nil }
            throw ConfigurationError("cannot lock \(file.path): \(String(cString: strerror(failure)))")
        }
        return DataFolderLock(descriptor: descriptor)
    }
}
