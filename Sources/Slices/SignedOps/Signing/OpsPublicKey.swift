import Kernel
import Crypto
import Foundation

/// A public key agents verify with, as `GET /api/v1/ops/keys` publishes it.
///
/// `keyid` is the first 16 hex characters of SHA-256 over the raw 32-byte key
/// (agent protocol §6), so anyone holding the key can compute it.
public struct OpsPublicKey: Sendable, Equatable {
    /// The raw 32 bytes.
    public let raw: Data

    public init(raw: Data) {
        self.raw = raw
    }

    public var keyID: String { Self.keyID(raw: raw) }

    public static func keyID(raw: Data) -> String {
        String(APIKey.hex(SHA256.hash(data: raw)).prefix(16))
    }

    /// SubjectPublicKeyInfo PEM, for `openssl pkeyutl -pubin`.
    public var pem: String { Ed25519PEM.publicKeyPEM(raw: raw) }

    /// Whether `signature` is this key's over `message`.
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// One entry of `{"keys": [...]}`.
    public struct Entry: Sendable, Equatable, Codable {
        public let keyid: String
        public let alg: String
        public let publicKey: String
        public let pem: String
    }

    public var entry: Entry {
        Entry(keyid: keyID, alg: "ed25519", publicKey: raw.base64EncodedString(), pem: pem)
    }
}
