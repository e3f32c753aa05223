import Foundation

/// What a client address counts as for limits: an IPv4 address as itself, an IPv6
/// address by its /64 (a home connection is usually given a whole /64, so counting
/// single IPv6 addresses would give one attacker 2^64 fresh starts).
package enum ClientBlock {
    package static func key(_ address: String?) -> String {
        guard let address, address.contains(":") else { return address ?? "unknown" }
        var bytes = in6_addr()
        guard inet_pton(AF_INET6, address, &bytes) == 1 else { return address }
        return withUnsafeBytes(of: &bytes) { raw -> String in
            let octets = Array(raw)
            // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is that IPv4 address.
            if octets[0..<10].allSatisfy({ $0 == 0 }), octets[10] == 0xff, octets[11] == 0xff {
                return octets[12..<16].map(String.init).joined(separator: ".")
            }
            return stride(from: 0, to: 8, by: 2).map { String(format: "%x", UInt16(octets[$0]) << 8 | UInt16(octets[$0 + 1])) }
                .joined(separator: ":") + "::/64"
        }
    }
}
