import Crypto
import Foundation

/// An agent's verification, written from agent protocol §6 alone — it shares no code
/// with the hub: rebuild PAE from the envelope's fields, find the key by keyid among the
/// published keys, check the Ed25519 signature.
enum EnvelopeCheck {
    enum Failure: Error, Equatable {
        case malformed(String)
        case wrongPayloadType(String)
        case unknownKeyID(String)
        case badSignature
    }

    static func pae(type: String, payload: Data) -> Data {
        var bytes = Data("DSSEv1 \(Data(type.utf8).count) \(type) \(payload.count) ".utf8)
        bytes.append(payload)
        return bytes
    }

    /// The verified payload as a JSON object.
    @discardableResult
    static func verify(_ envelope: [String: Any], keys: [[String: Any]], expectedType: String) throws -> [String: Any] {
        guard let type = envelope["payloadType"] as? String, let payloadText = envelope["payload"] as? String,
              let payload = Data(base64Encoded: payloadText), let signatures = envelope["signatures"] as? [[String: Any]],
              let first = signatures.first, let keyID = first["keyid"] as? String, let sigText = first["sig"] as? String,
              let signature = Data(base64Encoded: sigText)
        else { throw Failure.malformed("envelope fields") }
        guard type == expectedType else { throw Failure.wrongPayloadType(type) }
        guard let entry = keys.first(where: { $0["keyid"] as? String == keyID }), let rawText = entry["public_key"] as? String,
              let raw = Data(base64Encoded: rawText), keyIDOf(raw) == keyID
        else { throw Failure.unknownKeyID(keyID) }
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
        guard key.isValidSignature(signature, for: pae(type: type, payload: payload)) else { throw Failure.badSignature }
        guard let object = try JSONSerialization.jsonObject(with: payload) as? [String: Any] else { throw Failure.malformed("payload") }
        return object
    }

    /// First 16 hex of SHA-256 over the raw key.
    static func keyIDOf(_ raw: Data) -> String {
        String(SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined().prefix(16))
    }

    static func parse(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static let opType = "application/vnd.felhom.signed-op.v1+json"
    static let desiredType = "application/vnd.felhom.desired-state.v1+json"
}
