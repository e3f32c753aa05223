import Foundation
import Logging

/// Finds the global key: `HUB_GLOBAL_API_KEY` when set, otherwise the key file in the
/// data folder, created with mode 0600 on first start (see ``PrivateFile``). Only the hash
/// leaves this type.
package enum GlobalKeySource {
    package static let fileName = "global-api-key"

    /// The SHA-256 of the global key.
    package static func keyHash(configuration: HubConfiguration, logger: Logger) throws -> String {
        if let configured = configuration.globalAPIKey {
            return APIKey.hash(configured)
        }
        let file = configuration.dataDirectory.appendingPathComponent(fileName)
        if let stored = try storedKeyHash(file, logger: logger) { return stored }
        let key = APIKey.generate()
        if try PrivateFile.create(at: file, contents: Array((key + "\n").utf8)) {
            logger.notice("generated a global API key", metadata: ["file": "\(file.path)"])
            return APIKey.hash(key)
        }
        // Another process created the file first: its key stands.
        guard let stored = try storedKeyHash(file, logger: logger) else {
            throw ConfigurationError("cannot read the global key file \(file.path)")
        }
        return stored
    }

    private static func storedKeyHash(_ file: URL, logger: Logger) throws -> String? {
        guard let stored = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let key = stored.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw ConfigurationError("\(file.path) is empty; delete it to generate a new global key") }
        if PrivateFile.restrict(file) {
            logger.notice("the global key file was readable by other users; it is now mode 0600", metadata: ["file": "\(file.path)"])
        }
        return APIKey.hash(key)
    }
}
