import Foundation
import Synchronization

/// Tells every process of one hub that flags or keys changed.
///
/// Servers cache flags and keys; the command line and other replicas change them. On
/// SQLite, whoever changes one writes a fresh random token into a small file next to the
/// database (``FileChangeToken``); on PostgreSQL it sends a notification every replica
/// listens for (``NotifiedChangeToken``). Each request compares the token and drops its
/// caches when it moved.
package final class ChangeBeacon: Sendable {
    let token: any ChangeToken
    private let lastSeen = Mutex<UInt64?>(nil)

    package init(dataDirectory: URL) {
        token = FileChangeToken(path: dataDirectory.appendingPathComponent("changes.beacon").path)
    }

    package init(token: any ChangeToken) {
        self.token = token
    }

    /// A beacon on the same token that remembers the last value on its own, for a
    /// second cache that must not consume this one's ``hasChanged()``.
    package func observer() -> ChangeBeacon {
        ChangeBeacon(token: token)
    }

    /// Records that something changed, for this and every other process.
    package func signal() {
        token.move()
    }

    /// Whether the token moved since this process last asked.
    package func hasChanged() -> Bool {
        let current = token.current()
        return lastSeen.withLock { seen in
            defer { seen = current }
            return seen != nil && seen != current
        }
    }
}

/// A value every process of a hub can read cheaply and any can move.
package protocol ChangeToken: Sendable {
    func current() -> UInt64
    func move()
}

/// The token in a file beside the SQLite database: one `pread` on a descriptor kept open.
final class FileChangeToken: ChangeToken {
    private let path: String
    /// Opened on first read (creating the file if nobody signalled yet), then kept.
    private let reader = Mutex<Int32>(-1)

    init(path: String) {
        self.path = path
    }

    func move() {
        var token = UInt64.random(in: 1 ... .max)
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = withUnsafeBytes(of: &token) { pwrite(descriptor, $0.baseAddress, 8, 0) }
    }

    func current() -> UInt64 {
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
