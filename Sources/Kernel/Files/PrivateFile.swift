import Foundation

/// Files only the hub's own user may read: keys, the database, its backups.
///
/// A file is created with mode 0600 by the system call that creates it, never widened
/// and narrowed afterwards (a `chmod` after the write leaves a moment in which another
/// local user can open the file and keep reading it). Contents are written under a
/// temporary name and then take the real name in one step, so a reader sees the whole
/// file or none.
package enum PrivateFile {
    /// The mode of every file the hub creates for itself.
    package static let mode: mode_t = 0o600

    /// Creates an empty file at `url`, answering whether this call created it (`false`:
    /// it existed already).
    package static func createEmpty(at url: URL) throws -> Bool {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw failure("cannot create", url)
        }
        close(descriptor)
        return true
    }

    /// Writes `contents` to `url` unless a file is there already (another process won
    /// the race, and its file stands); answers whether this call wrote it.
    package static func create(at url: URL, contents: [UInt8]) throws -> Bool {
        let temporary = try writeTemporary(beside: url, contents: contents)
        defer { unlink(temporary) }
        guard link(temporary, url.path) == 0 else {
            if errno == EEXIST { return false }
            throw failure("cannot create", url)
        }
        syncDirectory(of: url)
        return true
    }

    /// Puts a file holding `contents` in place of whatever is at `url`.
    package static func replace(at url: URL, contents: [UInt8]) throws {
        let temporary = try writeTemporary(beside: url, contents: contents)
        guard rename(temporary, url.path) == 0 else {
            let error = failure("cannot replace", url)
            unlink(temporary)
            throw error
        }
        syncDirectory(of: url)
    }

    /// Takes every permission of group and others away from an existing file (one an
    /// earlier version created more openly); answers whether it had any.
    @discardableResult
    package static func restrict(_ url: URL) -> Bool {
        var status = stat()
        guard stat(url.path, &status) == 0, status.st_mode & 0o077 != 0 else { return false }
        return chmod(url.path, status.st_mode & 0o700) == 0
    }

    private static func writeTemporary(beside url: URL, contents: [UInt8]) throws -> String {
        let directory = url.deletingLastPathComponent()
        try PrivateDirectory.create(at: directory)
        let path = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("cannot write a file in", directory) }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count, fsync(descriptor) == 0 else {
            let error = failure("cannot write a file in", directory)
            unlink(path)
            throw error
        }
        return path
    }

    /// Makes a new name in the folder durable, so a power cut cannot lose a key that was
    /// already announced in the log.
    private static func syncDirectory(of url: URL) {
        let descriptor = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ what: String, _ url: URL) -> ConfigurationError {
        ConfigurationError("\(what) \(url.path): \(String(cString: strerror(errno)))")
    }
}
