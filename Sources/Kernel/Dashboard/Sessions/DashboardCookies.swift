import Foundation

/// The dashboard's cookies: the session, the login form's token and the one-time notice.
///
/// All are `HttpOnly` (no script reads them) and `SameSite=Strict` (no other site's page
/// sends them), scoped to `/ui`, and `Secure` when the request came over HTTPS (the
/// hub's own TLS is not built; a TLS proxy in front says so in `X-Forwarded-Proto`).
package enum DashboardCookies {
    static let session = "hub_session"
    static let login = "hub_login"
    static let notice = "hub_notice"

    /// The value of cookie `name` in a `Cookie` header.
    static func value(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A `Set-Cookie` value; `maxAge` 0 deletes the cookie.
    static func set(_ name: String, _ value: String, maxAge: Int, secure: Bool, path: String = "/ui") -> String {
        "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// A notice as a cookie value: base64url, so any text fits.
    static func encodeNotice(_ text: String) -> String {
        Data(String(text.prefix(300)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeNotice(_ value: String?) -> String? {
        guard var text = value?.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") else { return nil }
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let notice = String(data: data, encoding: .utf8), !notice.isEmpty else { return nil }
        return String(notice.prefix(300))
    }
}
