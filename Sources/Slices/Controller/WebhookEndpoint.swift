import Foundation
import Kernel

/// A webhook URL taken apart exactly as the HTTP client will read it — Foundation's
/// `URL`, its `host` and `port` — so that what the target policy checks is what a
/// delivery connects to. A URL that another reader could take for a different host
/// (a user name before an `@`, percent escapes in the host, a zone id, a host that
/// ends in a number but is not an IPv4 address) is refused outright.
struct WebhookEndpoint: Sendable {
    /// What the host names: an address (in any spelling the resolver reads as one) or a
    /// DNS name, lowercased and without the trailing dot of its absolute form.
    enum Host: Hashable, Sendable {
        case address(IPAddress)
        case name(String)
    }

    /// `http` or `https`.
    let scheme: String
    let host: Host
    /// The host exactly as the HTTP client takes it from the URL: the key under which a
    /// delivery tells the client which address to connect to.
    let clientHost: String
    let port: Int

    static let maxLength = 2048

    init(_ text: String) throws {
        guard text.utf8.count <= Self.maxLength, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let clientHost = url.host, !clientHost.isEmpty,
              let rawHost = URLComponents(url: url, resolvingAgainstBaseURL: false)?.encodedHost
        else {
            throw Self.invalid("webhook_url must be an http or https URL with a host")
        }
        guard url.user == nil, url.password == nil else {
            throw Self.invalid("webhook_url must not carry a user name or password")
        }
        // `encodedHost` is the host as written, brackets kept, an internationalised
        // name in its xn-- form; the client's `host` is the same without brackets.
        let bareClientHost = Self.withoutBrackets(clientHost)
        guard rawHost.allSatisfy({ $0.isASCII && $0 != "%" }), Self.withoutBrackets(rawHost) == bareClientHost else {
            throw Self.invalid("webhook_url's host must not hold percent escapes or a zone id")
        }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else {
            throw Self.invalid("webhook_url's port must be between 1 and 65535")
        }
        self.scheme = scheme
        self.host = try Self.host(rawHost)
        self.clientHost = bareClientHost
        self.port = port
    }

    /// How the HTTP client may name the host in its DNS override table: as written, or
    /// in brackets when it reads it as an IPv6 address. A table holding both leaves no
    /// host the client would look up by itself.
    var clientOverrideKeys: [String] { [clientHost, "[\(clientHost)]"] }

    /// Whether `other` is the same receiver as far as the web is concerned: the same
    /// scheme, host and port (its path may differ).
    func hasSameOrigin(as other: WebhookEndpoint) -> Bool {
        scheme == other.scheme && host == other.host && port == other.port
    }

    /// Reads the host as the resolver would: in brackets an IPv6 address; a host whose
    /// last label is a number (`127.1`, `0x7f.1`, `2130706433`, `127.0.0.1.`) an IPv4
    /// address in `inet_aton`'s forms, or nothing; anything else a DNS name.
    private static func host(_ raw: String) throws -> Host {
        let lowered = raw.lowercased()
        if lowered.hasPrefix("[") {
            guard lowered.hasSuffix("]"), let address = IPAddress(ipv6Text: withoutBrackets(lowered)) else {
                throw invalid("webhook_url's host in brackets must be an IPv6 address")
            }
            return .address(address)
        }
        let absolute = lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        let labels = absolute.split(separator: ".", omittingEmptySubsequences: false)
        if let last = labels.last, endsInANumber(last) {
            guard let address = IPAddress(ipv4Text: absolute) else {
                throw invalid("webhook_url's host ends in a number but is not an IPv4 address")
            }
            return .address(address)
        }
        guard absolute.utf8.count <= 253, labels.allSatisfy(isHostNameLabel) else {
            throw invalid("webhook_url's host is not a valid host name")
        }
        return .name(absolute)
    }

    /// The rule browsers use (WHATWG URL, "ends in a number"): such a host is an IPv4
    /// address or invalid, never a name, so no two readers disagree about it.
    private static func endsInANumber(_ label: Substring) -> Bool {
        if !label.isEmpty, label.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        return label.hasPrefix("0x") && label.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// 1–63 letters, digits, hyphens (not first or last) or underscores.
    private static func isHostNameLabel(_ label: Substring) -> Bool {
        (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
            && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private static func withoutBrackets(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func invalid(_ message: String) -> HubError {
        HubError.badRequest("invalid_webhook_url", message)
    }
}
