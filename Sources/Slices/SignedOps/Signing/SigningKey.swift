import Crypto
import Foundation

/// The hub's Ed25519 key for ops and desired state: signs, and names itself by keyid.
///
/// Held as its 32-byte seed — Crypto's key type is not `Sendable`, and expanding the
/// seed for each signature costs microseconds. Only ``pem`` carries the private key, and
/// only ``SigningKeyFile`` writes it; nothing logs it (log ``keyID``).
package struct SigningKey: Sendable {
    private let seed: Data
    package let publicKey: OpsPublicKey

    init(privateKey: Curve25519.Signing.PrivateKey) {
        self.seed = privateKey.rawRepresentation
        self.publicKey = OpsPublicKey(raw: privateKey.publicKey.rawRepresentation)
    }

    /// A fresh random key.
    package static func generate() -> SigningKey {
        SigningKey(privateKey: Curve25519.Signing.PrivateKey())
    }

    /// The key in a PKCS#8 PEM; throws for any other text.
    package init(pem: String) throws {
        self.init(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: try Ed25519PEM.seed(fromPrivateKeyPEM: pem)))
    }

    package var keyID: String { publicKey.keyID }

    /// The PKCS#8 PEM of the private key, for the key file only.
    var pem: String { Ed25519PEM.privateKeyPEM(seed: seed) }

    /// An Ed25519 signature over `message`.
    package func signature(for message: Data) throws -> Data {
        try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message)
    }
}
