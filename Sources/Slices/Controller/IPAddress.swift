import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16, network order), so that a webhook
/// target's address can be compared with address blocks however it was written.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    var isIPv4: Bool { bytes.count == 4 }

    init(ipv4 value: UInt32) {
        bytes = [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    init(bytes: [UInt8]) {
        precondition(bytes.count == 4 || bytes.count == 16, "an IP address has 4 or 16 bytes")
        self.bytes = bytes
    }

    /// An address written the way `inet_aton` reads it — the parser the system resolver
    /// uses for a host that is not a name: one to four parts separated by dots, each
    /// decimal, octal (a leading `0`) or hexadecimal (`0x`), the last part filling the
    /// bytes the others left (`127.1` is 127.0.0.1, `2130706433` is 127.0.0.1 too).
    /// Unlike `inet_aton`, nothing may follow the address.
    init?(ipv4Text text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt32] = []
        for part in parts {
            guard let number = Self.inetAtonNumber(part) else { return nil }
            numbers.append(number)
        }
        let leading = numbers.dropLast()
        guard leading.allSatisfy({ $0 <= 255 }), let last = numbers.last else { return nil }
        let lastBits = 8 * (4 - leading.count)
        guard lastBits == 32 || last < (1 << lastBits) else { return nil }
        var value = last
        for (index, byte) in leading.enumerated() { value |= byte << (24 - 8 * index) }
        self.init(ipv4: value)
    }

    /// An IPv6 address in any spelling `inet_pton` accepts (`::1`, `0::1`,
    /// `::ffff:127.0.0.1`, …); a zone id (`%eth0`) is not an address and is refused.
    init?(ipv6Text text: String) {
        var address = in6_addr()
        guard text.withCString({ inet_pton(AF_INET6, $0, &address) }) == 1 else { return nil }
        self.init(bytes: withUnsafeBytes(of: &address) { Array($0) })
    }

    /// Either kind, as the resolver would read a host that is an address.
    init?(text: String) {
        if text.contains(":") {
            self.init(ipv6Text: text)
        } else {
            self.init(ipv4Text: text)
        }
    }

    /// One part of an `inet_aton` address: `0x…` hexadecimal, `0…` octal, else decimal.
    private static func inetAtonNumber(_ part: some StringProtocol) -> UInt32? {
        let lowered = part.lowercased()
        let digits: Substring
        let radix: Int
        if lowered.hasPrefix("0x") {
            (digits, radix) = (lowered.dropFirst(2), 16)
        } else if lowered.count > 1, lowered.hasPrefix("0") {
            (digits, radix) = (lowered.dropFirst(), 8)
        } else {
            (digits, radix) = (lowered[...], 10)
        }
        // Only digits of the radix: Swift's own parsing would also take a leading "+".
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit && $0.hexDigitValue! < radix }) else { return nil }
        return UInt32(digits, radix: radix)
    }

    /// The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) stands for: a
    /// socket connects to that one.
    var mappedIPv4: IPAddress? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff else { return nil }
        return IPAddress(bytes: Array(bytes[12..<16]))
    }

    /// The canonical text: dotted decimal, or `inet_ntop`'s IPv6 form.
    var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
        guard inet_ntop(AF_INET6, &address, &text, socklen_t(text.count)) != nil else { return "" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
