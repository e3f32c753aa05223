import Foundation
import Kernel

/// `$HUB_DATA_DIR/ops-signing-key.pem`: the active signing key, PKCS#8 PEM, mode 0600.
///
/// The file is the truth about which key signs; the database only records public keys.
/// Writes go to a temporary file first and then take the name in one step, so a reader
/// (the server, while `hub keys rotate` runs) sees the old key or the new one, never half
/// a file.
struct SigningKeyFile: Sendable {
    static let fileName = "ops-signing-key.pem"
    let url: URL

    init(dataDirectory: URL) {
        url = dataDirectory.appendingPathComponent(Self.fileName)
    }

    /// The file's text; `nil` when there is no file.
    func read() throws -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError("cannot read the ops signing key \(url.path): \(error.localizedDescription)")
        }
    }

    /// The key in the file; `nil` when there is none, a ``ConfigurationError`` naming the
    /// file when its text is not an Ed25519 PKCS#8 PEM.
    func load() throws -> (key: SigningKey, text: String)? {
        guard let text = try read() else { return nil }
        return (try parse(text), text)
    }

    /// The key in `text`, read from this file.
    func parse(_ text: String) throws -> SigningKey {
        do {
            return try SigningKey(pem: text)
        } catch {
            throw ConfigurationError("\(url.path) is not an Ed25519 private key in PKCS#8 PEM (\(error)); fix or remove it")
        }
    }

    /// Whether group or others may read the file.
    var isExposed: Bool {
        guard let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int else { return false }
        return permissions & 0o077 != 0
    }

    /// Writes `key` unless a file exists already (then another process won the race and
    /// its key stands); answers whether this one was written.
    func create(_ key: SigningKey) throws -> Bool {
        let temporary = try writeTemporary(key)
        defer { unlink(temporary) }
        guard link(temporary, url.path) == 0 else {
            if errno == EEXIST { return false }
            throw ConfigurationError("cannot create the ops signing key \(url.path): \(String(cString: strerror(errno)))")
        }
        syncDirectory()
        return true
    }

    /// Puts `key` in place of the current one.
    func replace(with key: SigningKey) throws {
        let temporary = try writeTemporary(key)
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ConfigurationError("cannot replace the ops signing key \(url.path): \(reason)")
        }
        syncDirectory()
    }

    private func writeTemporary(_ key: SigningKey) throws -> String {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(".\(Self.fileName).\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw ConfigurationError("cannot write a key file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let bytes = Array(key.pem.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw ConfigurationError("cannot write a key file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        return path
    }

    private func syncDirectory() {
        let descriptor = open(url.deletingLastPathComponent().path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
