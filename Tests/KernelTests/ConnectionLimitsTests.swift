import Foundation
import HubTestSupport
import Kernel
import Testing

/// What the server allows each connection: a deadline for the request head, an idle
/// timeout between requests, and a cap on connections served at once. None of them may
/// cut a request that is arriving or being handled.
@Suite struct ConnectionLimitsTests {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(routes: [
                SliceRoute(.post, "/toy/echo", access: .open, bodyLimit: 4096) { .rawJSON($0.body) },
                SliceRoute(.get, "/toy/slow", access: .open) { _ in
                    try await Task.sleep(for: .milliseconds(2500))
                    return try .json(["done": true])
                },
            ])
        }
    }

    static let short = ServerLimits(headerTimeout: .seconds(1), idleTimeout: .seconds(1))

    func withHub<T: Sendable>(_ limits: ServerLimits, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> T {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [Self.slice], serverLimits: limits)
            return try await hub.withLiveServer(body)
        }
    }

    @Test func connectionThatSendsNothingIsClosed() async throws {
        try await withHub(Self.short) { port in
            let silent = try RawConnection(port: port)
            try await eventually("a silent connection to be closed", seconds: serverPatience) { silent.peerHasClosed }
        }
    }

    @Test func requestHeadThatNeverCompletesIsClosed() async throws {
        try await withHub(Self.short) { port in
            let dribbling = try RawConnection(port: port)
            dribbling.send("GET /healthz HTTP/1.1\r\nHost: hu")
            try await eventually("a connection with an unfinished head to be closed", seconds: serverPatience) { dribbling.peerHasClosed }
        }
    }

    @Test func idleKeptAliveConnectionIsClosed() async throws {
        try await withHub(Self.short) { port in
            let kept = try RawConnection(port: port)
            kept.send("GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
            #expect(await kept.response().hasPrefix("HTTP/1.1 200"))
            try await eventually("an idle kept-alive connection to be closed", seconds: serverPatience) { kept.peerHasClosed }
        }
    }

    @Test func bodyArrivingSlowerThanTheHeadDeadlineIsStillServed() async throws {
        // Pieces 400 ms apart: well inside the idle timeout even on a busy machine,
        // while the whole body takes more than twice the head deadline.
        let answer = try await withHub(ServerLimits(headerTimeout: .seconds(1), idleTimeout: .seconds(5))) { port in
            let connection = try RawConnection(port: port)
            let body = #"{"slow":"\#(String(repeating: "s", count: 40))"}"#
            connection.send("POST /toy/echo HTTP/1.1\r\nHost: hub\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            let bytes = Array(body.utf8)
            await connection.send(stride(from: 0, to: bytes.count, by: 10).map { Array(bytes[$0..<min($0 + 10, bytes.count)]) }, interval: .milliseconds(400))
            return await connection.response()
        }
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
    }

    @Test func requestBeingHandledLongerThanBothTimeoutsIsAnswered() async throws {
        let answer = try await withHub(Self.short) { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /toy/slow HTTP/1.1\r\nHost: hub\r\n\r\n")
            return await connection.response()
        }
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
    }

    @Test func connectionOverTheCapIsRefusedAtOnceAndServedOnceThereIsRoom() async throws {
        // Timeouts far away, so that on a busy machine no holder is closed for being slow.
        let limits = ServerLimits(headerTimeout: .seconds(600), idleTimeout: .seconds(600), maxConnections: 2)
        try await withHub(limits) { port in
            var holders = [try RawConnection(port: port), try RawConnection(port: port)]
            for holder in holders {
                holder.send("GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
            }
            for holder in holders {
                #expect(await holder.response().hasPrefix("HTTP/1.1 200"))
            }

            let excess = try RawConnection(port: port)
            let refusal = await excess.response()
            #expect(refusal.hasPrefix("HTTP/1.1 503"), "\(refusal)")
            let head = refusal.lowercased()
            #expect(head.contains("retry-after: "), "\(refusal)")
            #expect(head.contains("connection: close"), "\(refusal)")
            #expect(refusal.contains(#""error":"busy""#), "\(refusal)")
            try await eventually("the refused connection to be closed", seconds: serverPatience) { excess.peerHasClosed }

            holders.removeFirst()
            try await eventually("a new connection to be served once one has closed", seconds: serverPatience) {
                let next = try RawConnection(port: port)
                next.send("GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")
                return await next.response().hasPrefix("HTTP/1.1 200")
            }
        }
    }
}
