import Crypto
import Foundation

/// A logged-in operator's session.
package struct DashboardSession: Sendable, Equatable {
    /// Public: the audit trail and logs name the session by it.
    package let id: String
    /// The cookie's secret; never stored, never logged.
    let token: String
    package let expiresAt: Date

    /// How the audit trail names who acted.
    package var actor: String { "session:\(id)" }

    /// The token every form of this session carries: derived from the session's secret,
    /// so another site can neither read nor guess it, and it needs no row of its own.
    package var csrfToken: String {
        CSRFToken.derive(from: token)
    }
}

/// Tokens that prove a form was served by this hub to this browser.
package enum CSRFToken {
    static func derive(from secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("felhom-hub dashboard form".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return APIKey.hex(Array(mac))
    }

    /// Whether `presented` is `expected`, in time that does not depend on how much of it
    /// matched.
    static func matches(_ presented: String?, _ expected: String) -> Bool {
        guard let presented else { return false }
        return APIKey.constantTimeEqual(presented, expected)
    }
}
