import Foundation
import HubTestSupport
import Kernel
import Testing

/// The bytes of request bodies held at once are bounded (`HUB_BODY_BUDGET_BYTES`): a
/// request that would go over is told to come back (503, `Retry-After`), and what a
/// request held is given back however it ends.
@Suite struct BodyBudgetTests {
    static var slice: Slice {
        toySlice { _ in
            SliceParts(routes: [SliceRoute(.post, "/toy/echo", access: .open, bodyLimit: 4096) { .rawJSON($0.body) }])
        }
    }

    static let budget = 1000

    func head(length: Int?) -> String {
        "POST /toy/echo HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
            + (length.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n") + "\r\n"
    }

    /// A JSON body of exactly `length` bytes.
    func body(_ length: Int) -> String {
        #"{"p":""# + String(repeating: "x", count: length - 8) + #""}"#
    }

    /// Sends a 400-byte body on a new connection and answers the raw response.
    func send400(port: Int) async throws -> String {
        let connection = try RawConnection(port: port)
        connection.send(head(length: 400) + body(400))
        return await connection.response()
    }

    /// Starts a request that holds 800 bytes of the budget (`start` sends its first
    /// part) and waits until a 400-byte request is refused because of it. Which of two
    /// requests reserves first is the server's choice: a holder that was itself refused
    /// is started again.
    func holdBudget(port: Int, start: @escaping @Sendable (RawConnection) -> Void) async throws -> (holder: RawConnection, refusal: String) {
        var holder = try RawConnection(port: port)
        start(holder)
        var refusal = ""
        try await eventually("a request over the body budget to be refused", seconds: serverPatience) {
            if holder.hasAnswerOrClosed {
                holder = try RawConnection(port: port)
                start(holder)
            }
            refusal = try await send400(port: port)
            return refusal.hasPrefix("HTTP/1.1 503")
        }
        return (holder, refusal)
    }

    func withBudgetedHub(_ body: @escaping @Sendable (ToyHub, Int) async throws -> Void) async throws {
        try await withDataDirectory { directory in
            var limits = ServerLimits.patientForTests
            limits.bodyBudgetBytes = Self.budget
            let hub = try await startHub(in: directory, catalogue: [Self.slice], serverLimits: limits)
            try await hub.withLiveServer { port in try await body(hub, port) }
            let errored = hub.loggedAnError
            #expect(!errored, "\(hub.logs.text)")
        }
    }

    @Test func requestOverTheBudgetIsToldToRetryAndTheHolderIsServed() async throws {
        try await withBudgetedHub { _, port in
            let held = body(800)
            let (holder, refusal) = try await holdBudget(port: port) { $0.send(head(length: 800) + held.prefix(100)) }
            #expect(refusal.lowercased().contains("retry-after: 1\r\n"), "\(refusal)")
            #expect(refusal.contains(#""error":"busy""#), "\(refusal)")

            holder.send(String(held.dropFirst(100)))
            let served = await holder.response()
            #expect(served.hasPrefix("HTTP/1.1 200"), "\(served.prefix(200))")
            #expect(served.hasSuffix(held))
            #expect(try await send400(port: port).hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func budgetIsGivenBackWhenTheHolderHangsUp() async throws {
        try await withBudgetedHub { _, port in
            do {
                let partial = head(length: 800) + body(800).prefix(100)
                _ = try await holdBudget(port: port) { $0.send(partial) }
            }
            try await eventually("the budget of a client that hung up to be given back", seconds: serverPatience) {
                try await send400(port: port).hasPrefix("HTTP/1.1 200")
            }
        }
    }

    @Test func budgetIsGivenBackWhenAChunkedBodyTurnsOutBroken() async throws {
        try await withBudgetedHub { _, port in
            let firstChunk = head(length: nil) + "320\r\n" + body(800)
            let (holder, _) = try await holdBudget(port: port) { $0.send(firstChunk) }

            holder.send("\r\nzz\r\n")
            #expect(await holder.response().hasPrefix("HTTP/1.1 400"))
            try await eventually("the budget of a broken request to be given back", seconds: serverPatience) {
                try await send400(port: port).hasPrefix("HTTP/1.1 200")
            }
        }
    }

    @Test func bodyLargerThanTheWholeBudgetIsTooLargeNotBusy() async throws {
        try await withBudgetedHub { _, port in
            let connection = try RawConnection(port: port)
            connection.send(head(length: 2000) + body(2000))
            let answer = await connection.response()
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            #expect(answer.contains(#""error":"body_too_large""#))
        }
    }
}
