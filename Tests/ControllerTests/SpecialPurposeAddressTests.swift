@testable import ControllerSlice
import Testing

/// Every block of IANA's special-purpose registries is refused, to its first and last
/// address, and the public addresses just outside each block pass.
@Suite struct SpecialPurposeAddressTests {
    @Test(arguments: [
        // 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12
        ("0.0.0.0", false), ("0.255.255.255", false), ("1.0.0.0", true), ("9.255.255.255", true), ("10.0.0.0", false),
        ("10.255.255.255", false), ("11.0.0.0", true), ("100.63.255.255", true), ("100.64.0.0", false), ("100.127.255.255", false),
        ("100.128.0.0", true), ("126.255.255.255", true), ("127.0.0.0", false), ("127.255.255.255", false), ("128.0.0.0", true),
        ("169.253.255.255", true), ("169.254.0.0", false), ("169.254.169.254", false), ("169.255.0.0", true), ("172.15.255.255", true),
        ("172.16.0.0", false), ("172.31.255.255", false), ("172.32.0.0", true),
        // 192.0.0/24, 192.0.2/24, 192.31.196/24, 192.52.193/24, 192.88.99/24, 192.168/16, 192.175.48/24
        ("191.255.255.255", true), ("192.0.0.0", false), ("192.0.0.255", false), ("192.0.1.0", true), ("192.0.2.0", false),
        ("192.0.2.255", false), ("192.0.3.0", true), ("192.31.196.1", false), ("192.52.193.1", false), ("192.88.98.255", true),
        ("192.88.99.0", false), ("192.88.99.255", false), ("192.88.100.0", true), ("192.167.255.255", true), ("192.168.0.0", false),
        ("192.168.255.255", false), ("192.169.0.0", true), ("192.175.48.1", false),
        // 198.18/15, 198.51.100/24, 203.0.113/24, 224/4, 240/4
        ("198.17.255.255", true), ("198.18.0.0", false), ("198.19.255.255", false), ("198.20.0.0", true), ("198.51.99.255", true),
        ("198.51.100.0", false), ("198.51.100.255", false), ("198.51.101.0", true), ("203.0.112.255", true), ("203.0.113.0", false),
        ("203.0.113.255", false), ("203.0.114.0", true), ("223.255.255.255", true), ("224.0.0.0", false), ("239.255.255.255", false),
        ("240.0.0.0", false), ("255.255.255.254", false), ("255.255.255.255", false), ("93.184.216.34", true), ("8.8.8.8", true),
    ])
    func ipv4(address: String, isPublic: Bool) throws {
        #expect(try #require(IPAddress(ipv4Text: address)).isPublic == isPublic)
    }

    @Test(arguments: [
        ("::", false), ("::1", false), ("::2", false), ("::127.0.0.1", false), ("::93.184.216.34", false),
        ("::ffff:127.0.0.1", false), ("::ffff:10.0.0.1", false), ("::ffff:93.184.216.34", true), ("::ffff:0:93.184.216.34", false),
        ("64:ff9b::7f00:1", false), ("64:ff9b::a9fe:a9fe", false), ("64:ff9b::5db8:d822", true), ("64:ff9b:1::5db8:d822", false),
        ("100::1", false), ("100::ffff:ffff:ffff:ffff", false), ("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", false),
        ("2000::", true), ("2001::1", false), ("2001:0:5db8:d822::1", false), ("2001:1ff:ffff::1", false), ("2001:200::1", true),
        ("2001:2::1", false), ("2001:db8::1", false), ("2001:db8:ffff::1", false), ("2001:db9::1", true),
        ("2002:7f00:1::1", false), ("2002:a00:1::1", false), ("2002:5db8:d822::1", true), ("2606:2800::1", true),
        ("2a00:1450:4001:81c::200e", true), ("3ffe::1", true), ("3fff::1", false), ("3fff:fff:ffff::1", false), ("4000::1", false),
        ("5f00::1", false), ("fc00::1", false), ("fdff:ffff::1", false), ("fe7f::1", false), ("fe80::1", false), ("fe90::1", false),
        ("febf:ffff::1", false), ("fec0::1", false), ("feff::1", false), ("ff00::1", false), ("ff02::1", false),
    ])
    func ipv6(address: String, isPublic: Bool) throws {
        #expect(try #require(IPAddress(ipv6Text: address)).isPublic == isPublic)
    }
}
