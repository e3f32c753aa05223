import HTTPTypes
import NIOCore

/// The dashboard's HTTP answers: HTML with headers that keep pages out of caches, out of
/// frames, and away from scripts and styles the hub did not serve.
enum DashboardAnswer {
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    static func html(_ text: String, status: HTTPResponse.Status = .ok, cookies: [String] = [], extra: HTTPFields = [:]) -> HubResponse {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        headers.append(contentsOf: extra)
        return HubResponse(status: status, headers: headers, body: ByteBuffer(string: text))
    }

    /// 303: the browser fetches `location` with `GET`, so a reload never posts twice.
    static func redirect(to location: String, cookies: [String] = []) -> HubResponse {
        var headers = securityHeaders
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return HubResponse(status: .seeOther, headers: headers)
    }

    /// A path the dashboard may send a browser to after login: its own pages only, never
    /// another site (`//evil.example`) or another part of the hub (`/ui/../api`: a
    /// browser resolves dot segments, written plainly or percent-encoded).
    static func safeReturnPath(_ candidate: String?) -> String? {
        guard let candidate, candidate == "/ui" || candidate.hasPrefix("/ui/") || candidate.hasPrefix("/ui?"),
              !candidate.contains("\\"), !candidate.contains("//"), !candidate.contains(".."),
              !candidate.lowercased().contains("%2e"), candidate.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return candidate
    }
}
