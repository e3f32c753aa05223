/// DNS names that lead into the hub's own machine or network rather than to the public
/// internet, refused as webhook hosts unless the operator allows private targets.
///
/// - `localhost` and its subdomains (RFC 6761), and `localdomain`, which many
///   `/etc/hosts` files use for this machine;
/// - `local` (multicast DNS on the local link), `home.arpa` (RFC 8375) and `internal`
///   (reserved by ICANN for private use);
/// - `test`, `invalid`, `onion` and `alt`: special-use names that never reach a public
///   receiver through ordinary DNS;
/// - a name without a dot (`intranet`, `redis`): it is completed from the resolver's
///   search list or `/etc/hosts` and so names a machine of the local network, and a
///   public receiver always has a name with a dot.
enum LocalHostNames {
    static let suffixes = ["localhost", "localdomain", "local", "home.arpa", "internal", "test", "invalid", "onion", "alt"]

    /// `name` is lowercased and has no trailing dot (see ``WebhookEndpoint``).
    static func contains(_ name: String) -> Bool {
        !name.contains(".") || suffixes.contains { name == $0 || name.hasSuffix("." + $0) }
    }
}
