import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names and addresses by which a webhook could reach the hub itself: the host it
/// listens on, every address of this machine's interfaces (a hub listening on
/// `0.0.0.0` answers on all of them) and the machine's host name.
package enum OwnAddresses {
    package static func current(listenHost: String) -> Set<String> {
        var addresses: Set<String> = [listenHost.lowercased(), ProcessInfo.processInfo.hostName.lowercased()]
        var interfaces: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&interfaces) == 0, let first = interfaces else { return addresses }
        defer { freeifaddrs(interfaces) }
        for interface in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = interface.pointee.ifa_addr else { continue }
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(address.pointee.sa_family == UInt16(AF_INET6) ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
            guard address.pointee.sa_family == UInt16(AF_INET) || address.pointee.sa_family == UInt16(AF_INET6),
                  getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            let numeric = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            addresses.insert(numeric.split(separator: "%").first.map(String.init)?.lowercased() ?? numeric)
        }
        return addresses
    }
}
