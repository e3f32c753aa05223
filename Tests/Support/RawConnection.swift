import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a test server on loopback, for requests no HTTP client
/// would send: bodies that stall, headers with no body, connections dropped midway.
package final class RawConnection: Sendable {
    private let descriptor: Int32

    package init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    package func send(_ text: String) {
        send(Array(text.utf8))
    }

    package func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Reads until the peer closes or the receive timeout (five seconds unless
    /// ``response(within:)`` set another) passes.
    package func receiveAll() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            // A signal (a child process of another test exiting) interrupts the wait; it
            // is not the peer's doing.
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received.append(contentsOf: buffer[0..<count])
            if let text = String(validating: received, as: UTF8.self), text.contains("\r\n\r\n"), Self.isComplete(text) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Sends `pieces` one at a time, `interval` apart, from a thread of its own: on a busy
    /// machine a test's task can wait long for a thread of the concurrency pool, and a
    /// pause that grows past the server's idle timeout would fail the test for nothing.
    package func send(_ pieces: [[UInt8]], interval: Duration) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                for piece in pieces {
                    Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
                    self.send(piece)
                }
                continuation.resume()
            }
        }
    }

    /// Like ``receiveAll()``, but waits up to `seconds` (a loaded test machine can take
    /// longer than five) on a thread of its own: a test that waits for an answer must
    /// not block one of the few threads of Swift's concurrency pool, which an
    /// in-process server needs to produce the answer.
    package func response(within seconds: Int = 60) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var timeout = timeval(tv_sec: seconds, tv_usec: 0)
                setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                continuation.resume(returning: self.receiveAll())
            }
        }
    }

    /// Whether the peer has answered (or closed) yet, without waiting and without
    /// taking the answer.
    package var hasAnswerOrClosed: Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    /// Whether the peer has closed the connection (or reset it), without waiting: bytes
    /// it sent first are read and dropped on the way.
    package var peerHasClosed: Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 { continue }
            return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
        }
    }

    static func isComplete(_ response: String) -> Bool {
        guard let headerEnd = response.range(of: "\r\n\r\n") else { return false }
        let head = response[..<headerEnd.lowerBound].lowercased()
        guard let lengthLine = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return response[headerEnd.upperBound...].utf8.count >= length
    }

    deinit {
        close(descriptor)
    }
}
