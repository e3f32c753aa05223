import Foundation
import Kernel

/// A DSSE envelope (https://github.com/secure-systems-lab/dsse): the exact payload
/// bytes, their type, and signatures over the pre-authentication encoding (PAE) of both.
///
/// An agent verifies it with nothing but the public key: it rebuilds
/// ``preAuthenticationEncoding(payloadType:payload:)`` from the envelope's own fields and
/// checks the Ed25519 signature. Signing the type along with the bytes means a payload
/// cannot be replayed as another kind of document.
package struct DSSEEnvelope: Sendable, Equatable, Codable {
    package let payloadType: String
    /// Base64 of the signed bytes.
    package let payload: String
    package let signatures: [Signature]

    package struct Signature: Sendable, Equatable, Codable {
        package let keyid: String
        /// Base64 of the Ed25519 signature over the PAE.
        package let sig: String
    }

    /// Signs `payload` as `payloadType` with `key`.
    package static func sign(_ payload: Data, payloadType: String, with key: SigningKey) throws -> DSSEEnvelope {
        let signature = try key.signature(for: preAuthenticationEncoding(payloadType: payloadType, payload: payload))
        return DSSEEnvelope(
            payloadType: payloadType, payload: payload.base64EncodedString(),
            signatures: [Signature(keyid: key.keyID, sig: signature.base64EncodedString())]
        )
    }

    /// `"DSSEv1" SP len(type) SP type SP len(body) SP body`, lengths as ASCII decimal
    /// byte counts.
    package static func preAuthenticationEncoding(payloadType: String, payload: Data) -> Data {
        let type = Data(payloadType.utf8)
        var encoded = Data("DSSEv1 \(type.count) ".utf8)
        encoded.append(type)
        encoded.append(Data(" \(payload.count) ".utf8))
        encoded.append(payload)
        return encoded
    }

    /// The envelope as stored and served: the hub's one JSON encoding (keys sorted), the
    /// field names as DSSE spells them (`payloadType`, not snake_case); fixed once.
    package func encoded() throws -> String {
        try WireJSON.encodeString(self, keys: .asDeclared)
    }

    /// The envelope as a response body, the same bytes as ``encoded()``.
    package func response() throws -> HubResponse {
        .rawJSON(try WireJSON.encode(self, keys: .asDeclared))
    }
}

/// The payload types of slice 4's envelopes.
package enum PayloadType {
    package static let signedOp = "application/vnd.felhom.signed-op.v1+json"
    package static let desiredState = "application/vnd.felhom.desired-state.v1+json"
}
