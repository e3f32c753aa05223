import Foundation
import Kernel

/// `$HUB_DATA_DIR/ops-signing-key.pem`: the active signing key, PKCS#8 PEM, mode 0600.
///
/// The file is the truth about which key signs; the database only records public keys.
/// Writes go through ``PrivateFile``: a reader (the server, while `hub keys rotate` runs)
/// sees the old key or the new one, never half a file, and nobody else ever sees it.
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
        try PrivateFile.create(at: url, contents: Array(key.pem.utf8))
    }

    /// Puts `key` in place of the current one.
    func replace(with key: SigningKey) throws {
        try PrivateFile.replace(at: url, contents: Array(key.pem.utf8))
    }
}
