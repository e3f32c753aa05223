import Foundation
import Kernel

/// Which webhook URLs a customer may register: `http` or `https` with a host, and —
/// unless the operator allows it — not one that points back into the hub's own
/// network (loopback, link-local, private ranges) or at the hub itself.
public struct WebhookTargetPolicy: Sendable {
    /// Names and literal addresses that are this hub (see ``OwnAddresses``).
    public let ownAddresses: Set<String>

    public init(ownAddresses: Set<String> = []) {
        self.ownAddresses = ownAddresses
    }

    public func check(_ text: String, allowPrivate: Bool) throws {
        guard text.utf8.count <= 2048, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw HubError.badRequest("invalid_webhook_url", "webhook_url must be an http or https URL with a host")
        }
        if !allowPrivate, Self.isPrivate(host: host) {
            throw HubError.badRequest("invalid_webhook_url", "webhook_url points at a loopback, link-local or private address")
        }
        let bareHost = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if !allowPrivate, ownAddresses.contains(bareHost) {
            throw HubError.badRequest("invalid_webhook_url", "webhook_url points at the hub itself")
        }
    }

    /// Literal addresses and names that stay inside this machine or its network.
    public static func isPrivate(host rawHost: String) -> Bool {
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") { return true }
        let octets = host.split(separator: ".").compactMap { UInt8($0) }
        if octets.count == 4, host.split(separator: ".").count == 4 {
            switch (octets[0], octets[1]) {
            case (127, _), (10, _), (0, _): return true
            case (169, 254), (192, 168): return true
            case (172, 16...31): return true
            case (100, 64...127): return true
            default: return false
            }
        }
        if host.contains(":") {
            return host == "::1" || host == "::" || host.hasPrefix("fe80:") || host.hasPrefix("fc") || host.hasPrefix("fd")
                || host.hasPrefix("::ffff:")
        }
        return false
    }
}
