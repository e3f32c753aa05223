import Foundation

/// The data folder and the folders in it (backups): created with mode 0700, so other
/// local users cannot even list what the hub keeps.
package enum PrivateDirectory {
    package static let mode: mode_t = 0o700

    /// Creates `url` (and any missing parent) unless it exists. A folder that exists
    /// keeps its mode: it may be one the operator shares on purpose (see
    /// ``isOpenToOthers(_:)`` to warn about it).
    package static func create(at url: URL) throws {
        let path = url.path
        var status = stat()
        if stat(path, &status) == 0 { return }
        let parent = url.deletingLastPathComponent()
        if parent.path != path, !parent.path.isEmpty {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        guard mkdir(path, mode) == 0 || errno == EEXIST else {
            throw PrivateFile.failure("cannot create the folder", url)
        }
    }

    /// Whether group or others may enter or list the folder.
    package static func isOpenToOthers(_ url: URL) -> Bool {
        var status = stat()
        return stat(url.path, &status) == 0 && status.st_mode & 0o077 != 0
    }
}
