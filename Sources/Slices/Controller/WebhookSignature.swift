import Crypto
import Foundation
import Kernel

/// `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the exact body bytes under the
/// customer's webhook secret (its UTF-8 bytes), so a receiver can check that a POST
/// came from the hub and was not altered.
package enum WebhookSignature {
    package static let headerName = "X-Hub-Signature-256"

    /// The header value for `body` under `secret`.
    package static func header(body: some DataProtocol, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + APIKey.hex(Array(code))
    }
}
