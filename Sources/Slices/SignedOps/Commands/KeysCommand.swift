import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

/// `hub keys`: the ops signing keys. The private key never leaves
/// `$HUB_DATA_DIR/ops-signing-key.pem`; these commands print keyids and public keys only.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the ops signing keys.", subcommands: [Rotate.self, List.self]
    )

    /// The key ring of the configured data folder, once signed-ops is known to be enabled.
    static func keyRing(_ runtime: HubRuntime) throws -> OpsKeyRing {
        try runtime.requireSlice(SignedOpsVocabulary.sliceName)
        return OpsKeyRing(
            dataDirectory: runtime.configuration.dataDirectory, database: runtime.database, clock: runtime.clock, logger: runtime.logger
        )
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a fresh active signing key. The retired key stays published for verification for 30 days; a running hub signs with the new key from its next signature."
        )
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        struct Rotated: Encodable {
            let activeKeyID: String
            let retiredKeyID: String?
            let retiredPublishedUntil: String?

            enum CodingKeys: String, CodingKey {
                case activeKeyID = "active_keyid"
                case retiredKeyID = "retired_keyid"
                case retiredPublishedUntil = "retired_published_until"
            }
        }

        func run() async throws {
            try await common.withRuntime { runtime in
                let rotation = try await KeysCommand.keyRing(runtime).rotate()
                let rotated = Rotated(
                    activeKeyID: rotation.active.keyID, retiredKeyID: rotation.retired?.keyID,
                    retiredPublishedUntil: rotation.retiredPublishedUntil.map(Timestamp.format)
                )
                try output.show(rotated) { rotated in
                    var lines = ["active ops signing key: \(rotated.activeKeyID)"]
                    if let retired = rotated.retiredKeyID, let until = rotated.retiredPublishedUntil {
                        lines.append("retired key \(retired) stays published until \(until)")
                    }
                    return lines.joined(separator: "\n")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the published ops keys, active first (what GET /api/v1/ops/keys answers).")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable { let keys: [OpsPublicKey.Entry] }

        func run() async throws {
            try await common.withRuntime { runtime in
                let keys = try await KeysCommand.keyRing(runtime).publishedKeys()
                try output.show(Listing(keys: keys.map(\.entry))) { _ in
                    var table = TextTable("KEYID", "STATE", "PUBLIC KEY")
                    for (index, key) in keys.enumerated() {
                        table.add(key.keyID, index == 0 ? "active" : "retired", key.raw.base64EncodedString())
                    }
                    return table.rendered
                }
            }
        }
    }
}
