import Foundation
import HubTestSupport
import Kernel
import Testing

/// Request bodies whose framing is broken, or that stop halfway, over a real socket.
/// They are the client's mistakes: a 400 (or a quiet close), logged at info, never a
/// 500 or an error line.
@Suite struct BodyFramingTests {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(routes: [
                SliceRoute(.post, "/toy/open", access: .open, bodyLimit: 4096) { .rawJSON($0.body) },
                SliceRoute(.post, "/toy/keyed", access: .global, bodyLimit: 4096) { .rawJSON($0.body) },
            ])
        }
    }

    /// Chunked bodies no correct client sends.
    static let brokenChunkedBodies: [String: String] = [
        "chunk size not a number": "zz\r\nab\r\n0\r\n\r\n",
        "chunk size too large": "10000000000000000\r\nab\r\n0\r\n\r\n",
        "chunk without its terminator": "2\r\nabXY0\r\n\r\n",
        "trailer that is not a header": "2\r\nab\r\n0\r\nnot a header line\r\n\r\n",
    ]

    /// A route open to all, a keyed route with its key, and the keyed route without one.
    static let routes: [(path: String, key: String?)] = [("/toy/open", nil), ("/toy/keyed", globalKey), ("/toy/keyed", nil)]

    static func head(_ path: String, key: String?, _ framing: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n\(framing)\r\n"
            + (key.map { "Authorization: Bearer \($0)\r\n" } ?? "") + "\r\n"
    }

    @Test(arguments: brokenChunkedBodies.keys.sorted(), routes.indices)
    func brokenChunkedFramingIsAClientErrorLoggedAtInfo(kind: String, route: Int) async throws {
        let (path, key) = Self.routes[route]
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [Self.slice])
            let answer = try await hub.withLiveServer { port in
                let connection = try RawConnection(port: port)
                connection.send(Self.head(path, key: key, "Transfer-Encoding: chunked") + Self.brokenChunkedBodies[kind]!)
                return await connection.response()
            }
            #expect(!answer.hasPrefix("HTTP/1.1 5"), "\(kind) on \(path): \(answer.prefix(200))")
            if key != nil || path == "/toy/open" {
                #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400"), "\(kind) on \(path): \(answer.prefix(200))")
            }
            let errored = hub.loggedAnError
            #expect(!errored, "\(kind) on \(path) logged: \(hub.logs.text)")
        }
    }

    @Test(arguments: ["Content-Length: 100", "Transfer-Encoding: chunked"])
    func clientHangingUpMidBodyIsLoggedAtInfo(framing: String) async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [Self.slice])
            try await hub.withLiveServer { port in
                do {
                    let connection = try RawConnection(port: port)
                    let partial = framing.hasPrefix("Content") ? #"{"a": "12"# : "40\r\n{\"a\": \"12"
                    connection.send(Self.head("/toy/open", key: nil, framing) + partial)
                }
                try await eventually("the cut-short request to be logged", seconds: serverPatience) {
                    hub.logs.all.contains { $0.contains(" request ") && $0.contains("path=/toy/open") }
                }
            }
            let errored = hub.loggedAnError
            #expect(!errored, "\(hub.logs.text)")
            #expect(hub.logs.all.contains { $0.hasPrefix("info request ") && $0.contains("status=400") }, "\(hub.logs.text)")
        }
    }

    @Test func wellFormedChunkedBodyReachesTheHandler() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [Self.slice])
            let answer = try await hub.withLiveServer { port in
                let connection = try RawConnection(port: port)
                connection.send(Self.head("/toy/open", key: nil, "Transfer-Encoding: chunked") + "4\r\n{}{}\r\n0\r\n\r\n")
                return await connection.response()
            }
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
            #expect(answer.hasSuffix("{}{}"))
        }
    }
}
