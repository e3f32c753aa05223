@testable import ControllerSlice
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The hub reads a numeric host exactly as the system's resolver does, so the address it
/// checks is the address a connection would reach.
@Suite struct IPAddressTests {
    @Test(arguments: [
        "127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0X7F000001", "0x7f.0.0.1", "0x7f.1", "0177.0.0.1", "017700000001",
        "0", "00", "0x", "0x.0x.0x.0x", "4294967295", "4294967296", "0x100000000", "1.65535", "1.65536", "1.2.65535", "1.2.65536",
        "1.16777215", "1.16777216", "256.1.1.1", "1.2.3.256", "1.2.3.4.5", "08", "09.1.1.1", "0777.0.0.1", "1..2", "", ".1", "1.",
        "+1", "0x+1", "-1", "1e3", "0xg", "169.254.43518", "2852039166", "0x7f.0x0.0x0.0x1", "0000000000177.0.0.1",
    ])
    func anIPv4SpellingReadsAsInetAtonReadsIt(text: String) {
        var system = in_addr()
        let expected = text.withCString { inet_aton($0, &system) } == 1 ? "\(IPAddress(ipv4: UInt32(bigEndian: system.s_addr)))" : nil
        #expect(IPAddress(ipv4Text: text).map { "\($0)" } == expected)
    }

    @Test(arguments: [
        ("::1", "::1"), ("0::1", "::1"), ("0:0:0:0:0:0:0:1", "::1"), ("::ffff:127.0.0.1", "::ffff:127.0.0.1"),
        ("0:0:0:0:0:ffff:7f00:1", "::ffff:127.0.0.1"), ("2606:2800:0::1", "2606:2800::1"), ("FE80::1", "fe80::1"),
    ])
    func anIPv6SpellingReadsAsInetPtonReadsIt(text: String, canonical: String) {
        #expect(IPAddress(ipv6Text: text).map { "\($0)" } == canonical)
    }

    @Test(arguments: ["fe80::1%eth0", "fe80::1%25eth0", "::1::", "1:2:3:4:5:6:7:8:9", "[::1]", "v1.x"])
    func whatIsNotAnIPv6AddressIsNotReadAsOne(text: String) {
        #expect(IPAddress(ipv6Text: text) == nil)
    }

    @Test func anIPv4MappedAddressStandsForItsIPv4Address() throws {
        #expect(IPAddress(ipv6Text: "::ffff:7f00:1")?.mappedIPv4 == IPAddress(ipv4Text: "127.0.0.1"))
        #expect(IPAddress(ipv6Text: "64:ff9b::7f00:1")?.mappedIPv4 == nil)
    }
}
