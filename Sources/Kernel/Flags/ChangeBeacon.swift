import Foundation
import Synchronization

/// Tells every process on one data folder that flags or keys changed.
///
/// The command line writes the database directly while a server may be running, and
/// the server caches flags and keys. Whoever changes one writes a fresh random token
/// into a small file next to the database; each request compares the token (one
/// `pread` on a descriptor kept open) and drops its caches when it differs.
package final class ChangeBeacon: Sendable {
    private let path: String
    private let lastSeen = Mutex<UInt64?>(nil)
    /// Opened on first read (creating the file if nobody signalled yet), then kept.
    private let reader = Mutex<Int32>(-1)

    package init(dataDirectory: URL) {
        path = dataDirectory.appendingPathComponent("changes.beacon").path
    }

    private init(path: String) {
        self.path = path
    }

    /// A beacon on the same file that remembers the last token on its own, for a
    /// second cache that must not consume this one's ``hasChanged()``.
    package func observer() -> ChangeBeacon {
        ChangeBeacon(path: path)
    }

    /// Records that something changed, for this and every other process.
    package func signal() {
        var token = UInt64.random(in: 1 ... .max)
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = withUnsafeBytes(of: &token) { pwrite(descriptor, $0.baseAddress, 8, 0) }
    }

    /// Whether the token moved since this process last asked.
    package func hasChanged() -> Bool {
        let current = read()
        return lastSeen.withLock { seen in
            defer { seen = current }
            return seen != nil && seen != current
        }
    }

    private func read() -> UInt64 {
        reader.withLock { descriptor in
            if descriptor < 0 { descriptor = open(path, O_RDONLY | O_CREAT, 0o600) }
            guard descriptor >= 0 else { return 0 }
            var token: UInt64 = 0
            _ = withUnsafeMutableBytes(of: &token) { pread(descriptor, $0.baseAddress, 8, 0) }
            return token
        }
    }

    deinit {
        reader.withLock { descriptor in
            if descriptor >= 0 { close(descriptor) }
        }
    }
}
