/// The addresses that are not a host on the public internet, after IANA's IPv4 and IPv6
/// Special-Purpose Address Registries: a webhook pointed at one of them would have the
/// hub send requests into its own machine or network (or nowhere useful), so the
/// target policy refuses them unless the operator allows it.
enum SpecialPurposeAddresses {
    /// Every IPv4 block of the registry, plus multicast and the reserved 240/4 (which
    /// holds the limited broadcast address 255.255.255.255).
    static let ipv4 = [
        "0.0.0.0/8",        // "this network"; 0.0.0.0 reaches the local machine
        "10.0.0.0/8",       // private use
        "100.64.0.0/10",    // shared address space (carrier-grade NAT)
        "127.0.0.0/8",      // loopback
        "169.254.0.0/16",   // link-local, where cloud metadata services answer
        "172.16.0.0/12",    // private use
        "192.0.0.0/24",     // IETF protocol assignments
        "192.0.2.0/24",     // documentation (TEST-NET-1)
        "192.31.196.0/24",  // AS112-v4
        "192.52.193.0/24",  // AMT
        "192.88.99.0/24",   // deprecated 6to4 relay anycast
        "192.168.0.0/16",   // private use
        "192.175.48.0/24",  // direct delegation AS112 service
        "198.18.0.0/15",    // benchmarking
        "198.51.100.0/24",  // documentation (TEST-NET-2)
        "203.0.113.0/24",   // documentation (TEST-NET-3)
        "224.0.0.0/4",      // multicast
        "240.0.0.0/4",      // reserved, and 255.255.255.255 limited broadcast
    ].map(AddressBlock.init)

    /// Global unicast space: every IPv6 address outside it is special (`::`, `::1`,
    /// IPv4-compatible `::/96`, `64:ff9b:1::/48`, `100::/64`, `5f00::/16`, `fc00::/7`,
    /// `fe80::/10`, `fec0::/10`, `ff00::/8`, …) except the forms below that embed an
    /// IPv4 address.
    static let ipv6GlobalUnicast = AddressBlock("2000::/3")

    /// The special blocks inside global unicast space.
    static let ipv6 = [
        "2001::/23",      // IETF protocol assignments, Teredo (2001::/32) and benchmarking (2001:2::/48) among them
        "2001:db8::/32",  // documentation
        "3fff::/20",      // documentation
    ].map(AddressBlock.init)

    /// IPv6 blocks that carry an IPv4 address, which decides: `::ffff:0:0/96` is the
    /// IPv4 address itself on a dual-stack socket; `64:ff9b::/96` is NAT64's well-known
    /// prefix (a translator forwards to the IPv4 address in the last 32 bits); `2002::/16`
    /// is 6to4 (a relay forwards to the IPv4 address in bits 16–47).
    static let ipv4Mapped = AddressBlock("::ffff:0:0/96")
    static let nat64 = AddressBlock("64:ff9b::/96")
    static let sixToFour = AddressBlock("2002::/16")

    static func isPublic(_ address: IPAddress) -> Bool {
        if address.isIPv4 { return !ipv4.contains { $0.contains(address) } }
        let bytes = address.bytes
        if ipv4Mapped.contains(address) || nat64.contains(address) {
            return isPublic(IPAddress(bytes: Array(bytes[12..<16])))
        }
        if sixToFour.contains(address) { return isPublic(IPAddress(bytes: Array(bytes[2..<6]))) }
        return ipv6GlobalUnicast.contains(address) && !ipv6.contains { $0.contains(address) }
    }
}

extension IPAddress {
    /// Whether this is a host on the public internet (see ``SpecialPurposeAddresses``).
    var isPublic: Bool { SpecialPurposeAddresses.isPublic(self) }
}
