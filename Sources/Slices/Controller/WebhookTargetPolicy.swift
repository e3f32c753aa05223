import Foundation
import Kernel

/// Which webhook URLs a customer may register, and which addresses a delivery may
/// connect to: `http` or `https` with an unambiguous host (``WebhookEndpoint``), and —
/// unless the operator allows private targets — only public addresses
/// (``SpecialPurposeAddresses``), no local name (``LocalHostNames``) and not the hub
/// itself.
///
/// A URL is checked twice. When it is set, on what it says: a literal address in any
/// spelling, or a name. Before each delivery, on what it resolves to: every address
/// the name has must pass, and the delivery then connects to one of exactly those
/// (``destination(of:allowPrivate:resolver:attempt:)``), so a DNS answer that changes
/// between the check and the connection cannot lead the hub somewhere else.
package struct WebhookTargetPolicy: Sendable {
    /// Names and literal addresses that are this hub (see ``OwnAddresses``).
    package let ownAddresses: Set<String>
    private let ownIPAddresses: Set<IPAddress>

    package init(ownAddresses: Set<String> = []) {
        let names = Set(ownAddresses.map { address in
            let lowered = address.lowercased()
            return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        })
        self.ownAddresses = names
        self.ownIPAddresses = Set(names.compactMap(IPAddress.init(text:)))
    }

    /// Refuses (`400 invalid_webhook_url`) a URL the hub must not deliver to.
    package func check(_ text: String, allowPrivate: Bool) throws {
        _ = try endpoint(text, allowPrivate: allowPrivate)
    }

    /// Refuses a URL the hub must not deliver `customerID`'s events to: a private target
    /// only while `webhooks_allow_private_targets` is on for that customer. The admin API
    /// and the dashboard both set webhooks through it.
    package func check(_ text: String, for customerID: String, flags: FlagBook) async throws {
        try check(text, allowPrivate: try await flags.isEnabled(ControllerVocabulary.webhooksAllowPrivateTargets, for: customerID))
    }

    /// The URL taken apart, if the URL itself may be used: its shape always, its host
    /// too unless `allowPrivate`.
    func endpoint(_ text: String, allowPrivate: Bool) throws -> WebhookEndpoint {
        let endpoint = try WebhookEndpoint(text)
        guard !allowPrivate else { return endpoint }
        switch endpoint.host {
        case .address(let address):
            try refuseUnlessPublic(address)
        case .name(let name):
            if LocalHostNames.contains(name) {
                throw HubError.badRequest("invalid_webhook_url", "webhook_url's host is a name of the local machine or network")
            }
            if ownAddresses.contains(name) { throw Self.pointsAtTheHub }
        }
        return endpoint
    }

    /// Where one delivery to `text` connects: the host's addresses (a literal one, or
    /// what `resolver` answers for the name), all checked unless `allowPrivate`, and one
    /// of them chosen — the next one on each retry, so a receiver with several
    /// addresses is not given up on because one of them is down.
    ///
    /// Throws `HubError` when the URL is refused, ``UnreachableHostName`` when the name
    /// has no address the hub may connect to.
    func destination(of text: String, allowPrivate: Bool, resolver: any HostNameResolver, attempt: Int) async throws -> WebhookDestination {
        let endpoint = try endpoint(text, allowPrivate: allowPrivate)
        let addresses: [IPAddress]
        switch endpoint.host {
        case .address(let address):
            addresses = [address]
        case .name:
            // The name as written, as the client would have looked it up: a search-list
            // completion of it that lands in the hub's network is refused below.
            let name = endpoint.clientHost
            do {
                addresses = try await resolver.addresses(of: name)
            } catch {
                throw UnreachableHostName(name: name, reason: "\(error)")
            }
            if !allowPrivate, let refused = addresses.first(where: { !$0.isPublic || isOwn($0) }) {
                throw UnreachableHostName(name: name, reason: "it resolves to \(refused), which is not a public address of another machine")
            }
        }
        guard !addresses.isEmpty else { throw UnreachableHostName(name: endpoint.clientHost, reason: "it has no address") }
        let address = addresses[attempt % addresses.count]
        return WebhookDestination(endpoint: endpoint, address: address, isPublicAndNotTheHub: address.isPublic && !isOwn(address))
    }

    private func refuseUnlessPublic(_ address: IPAddress) throws {
        guard address.isPublic else {
            throw HubError.badRequest("invalid_webhook_url", "webhook_url points at a loopback, link-local, private or other non-public address")
        }
        if isOwn(address) { throw Self.pointsAtTheHub }
    }

    private func isOwn(_ address: IPAddress) -> Bool {
        ownIPAddresses.contains(address.mappedIPv4 ?? address)
    }

    private static let pointsAtTheHub = HubError.badRequest("invalid_webhook_url", "webhook_url points at the hub itself")
}
