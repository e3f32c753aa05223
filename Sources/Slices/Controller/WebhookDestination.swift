/// Where one delivery attempt goes: the endpoint it was asked for and the one address,
/// checked by the ``WebhookTargetPolicy``, that the connection is made to.
struct WebhookDestination: Sendable {
    let endpoint: WebhookEndpoint
    let address: IPAddress
    /// A public address of a machine other than the hub. Only then may a failed
    /// attempt record the operating system's words for the failure: elsewhere,
    /// "Connection refused" against "did not answer" would map the ports open inside
    /// the hub's network (see ``WebhookSender``).
    let isPublicAndNotTheHub: Bool

    /// The address to open the connection to: an IPv4-mapped IPv6 address as the IPv4
    /// address it stands for, which works where IPv6 is switched off too.
    var connectionAddress: IPAddress { address.mappedIPv4 ?? address }
}
