import Foundation
import Logging

/// Finds the global key: `HUB_GLOBAL_API_KEY` when set, otherwise the key file in the
/// data folder, created with mode 0600 on first start. Only the hash leaves this type.
public enum GlobalKeySource {
    public static let fileName = "global-api-key"

    /// The SHA-256 of the global key.
    public static func keyHash(configuration: HubConfiguration, logger: Logger) throws -> String {
        if let configured = configuration.globalAPIKey {
            return APIKey.hash(configured)
        }
        let file = configuration.dataDirectory.appendingPathComponent(fileName)
        if let stored = try? String(contentsOf: file, encoding: .utf8) {
            let key = stored.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw ConfigurationError("\(file.path) is empty; delete it to generate a new global key") }
            return APIKey.hash(key)
        }
        let key = APIKey.generate()
        let created = FileManager.default.createFile(
            atPath: file.path, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]
        )
        guard created else { throw ConfigurationError("cannot write the global key file \(file.path)") }
        logger.notice("generated a global API key", metadata: ["file": "\(file.path)"])
        return APIKey.hash(key)
    }
}
