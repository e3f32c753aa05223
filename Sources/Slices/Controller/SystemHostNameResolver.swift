import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// The system's resolver (`getaddrinfo`: `/etc/hosts`, then DNS), run on NIO's thread
/// pool because it blocks: neither an event loop nor Swift's cooperative threads wait
/// for a slow DNS server.
///
/// `AI_ADDRCONFIG` asks only for the address families this machine can use, so a hub
/// without IPv6 is not handed an IPv6 address to connect to.
struct SystemHostNameResolver: HostNameResolver {
    func addresses(of name: String) async throws -> [IPAddress] {
        try await NIOThreadPool.singleton.runIfActive { try Self.lookUp(name) }
    }

    struct LookupFailed: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: gai_strerror(code)) }
    }

    static func lookUp(_ name: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(name, nil, &hints, &list)
        guard code == 0, let first = list else { throw LookupFailed(code: code) }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            guard let socketAddress = entry.pointee.ai_addr, let address = Self.address(socketAddress),
                  !addresses.contains(address)
            else { continue }
            addresses.append(address)
        }
        return addresses
    }

    private static func address(_ socketAddress: UnsafeMutablePointer<sockaddr>) -> IPAddress? {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { IPAddress(ipv4: UInt32(bigEndian: $0.pointee.sin_addr.s_addr)) }
        case AF_INET6:
            socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                IPAddress(bytes: withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) })
            }
        default:
            nil
        }
    }
}
