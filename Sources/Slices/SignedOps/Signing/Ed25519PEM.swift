import Foundation

/// Ed25519 keys in the PEM forms every tool reads: PKCS#8 for the private key (what
/// `openssl genpkey -algorithm ed25519` writes) and SubjectPublicKeyInfo for the public
/// key (what `openssl pkeyutl -pubin` reads).
///
/// For Ed25519 both DER structures are fixed apart from the 32 key bytes (RFC 8410), so
/// a constant prefix replaces an ASN.1 library:
/// `302e020100300506032b657004220420 || seed` and `302a300506032b6570032100 || public key`.
package enum Ed25519PEM {
    static let privateKeyPrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let publicKeyPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    static let privateLabel = "PRIVATE KEY"
    static let publicLabel = "PUBLIC KEY"

    /// A PKCS#8 PEM around a 32-byte private key seed.
    package static func privateKeyPEM(seed: Data) -> String {
        pem(label: privateLabel, der: Data(privateKeyPrefix) + seed)
    }

    /// A SubjectPublicKeyInfo PEM around a raw 32-byte public key.
    package static func publicKeyPEM(raw: Data) -> String {
        pem(label: publicLabel, der: Data(publicKeyPrefix) + raw)
    }

    /// The 32-byte seed of a PKCS#8 Ed25519 PEM; throws for anything else.
    package static func seed(fromPrivateKeyPEM text: String) throws -> Data {
        try body(of: text, label: privateLabel, prefix: privateKeyPrefix)
    }

    /// The raw 32-byte key of a SubjectPublicKeyInfo Ed25519 PEM; throws for anything else.
    package static func rawPublicKey(fromPEM text: String) throws -> Data {
        try body(of: text, label: publicLabel, prefix: publicKeyPrefix)
    }

    static func pem(label: String, der: Data) -> String {
        let base64 = der.base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    static func body(of text: String, label: String, prefix: [UInt8]) throws -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
              let end = lines.firstIndex(of: "-----END \(label)-----"), end > begin,
              let der = Data(base64Encoded: lines[(begin + 1)..<end].joined())
        else { throw Ed25519PEMError.notPEM(label: label) }
        guard der.count == prefix.count + 32, der.prefix(prefix.count).elementsEqual(prefix) else {
            throw Ed25519PEMError.notEd25519(label: label)
        }
        return Data(der.suffix(32))
    }
}

/// Why a PEM text is not an Ed25519 key of the expected kind.
package enum Ed25519PEMError: Error, Equatable, CustomStringConvertible {
    case notPEM(label: String)
    case notEd25519(label: String)

    package var description: String {
        switch self {
        case .notPEM(let label): "not a PEM block of type \(label)"
        case .notEd25519(let label): "the \(label) is not an Ed25519 key in the RFC 8410 form"
        }
    }
}
