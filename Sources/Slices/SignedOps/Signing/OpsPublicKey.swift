import Kernel
import Crypto
import Foundation

/// A public key agents verify with, as `GET /api/v1/ops/keys` publishes it.
///
/// `keyid` is the first 16 hex characters of SHA-256 over the raw 32-byte key
/// (agent protocol §6), so anyone holding the key can compute it.
package struct OpsPublicKey: Sendable, Equatable {
    /// The raw 32 bytes.
    package let raw: Data

    package init(raw: Data) {
        self.raw = raw
    }

    package var keyID: String { Self.keyID(raw: raw) }

    package static func keyID(raw: Data) -> String {
        String(APIKey.hex(SHA256.hash(data: raw)).prefix(16))
    }

    /// SubjectPublicKeyInfo PEM, for `openssl pkeyutl -pubin`.
    package var pem: String { Ed25519PEM.publicKeyPEM(raw: raw) }

    /// Whether `signature` is this key's over `message`.
    package func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// One entry of `{"keys": [...]}`.
    package struct Entry: Sendable, Equatable, Codable {
        package let keyid: String
        package let alg: String
        package let publicKey: String
        package let pem: String
    }

    package var entry: Entry {
        Entry(keyid: keyID, alg: "ed25519", publicKey: raw.base64EncodedString(), pem: pem)
    }
}
