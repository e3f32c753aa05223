import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A real HTTP receiver on 127.0.0.1 (a free port), standing in for a customer's
/// webhook endpoint: it records every POST and answers what the test scripted (200
/// unless told otherwise), or holds the answer until the test lets it go.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let path: String
        let body: String
        let signature: String?
        let eventID: String?
        let contentType: String?
        let status: Int
    }

    private struct State {
        var port = 0
        var arrived: [String] = []
        var answered: [Received] = []
        var scripts: [String: [Int]] = [:]
        var held: [String: Gate] = [:]
    }

    private let state = Mutex(State())

    var port: Int { state.withLock { $0.port } }
    /// Requests answered so far, in the order they were answered.
    var answered: [Received] { state.withLock { $0.answered } }
    /// Paths of requests that arrived, answered or not.
    var arrived: [String] { state.withLock { $0.arrived } }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The next answers on `path`, in order; 200 after they run out.
    func script(_ path: String, _ statuses: [Int]) {
        state.withLock { $0.scripts[path, default: []].append(contentsOf: statuses) }
    }

    /// Requests on `path` wait for the returned gate to open before they are answered.
    func hold(_ path: String) -> Gate {
        let gate = Gate()
        state.withLock { $0.held[path] = gate }
        return gate
    }

    fileprivate func handle(_ request: Request) async throws -> Response {
        let path = request.uri.path
        let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
        let (status, gate) = state.withLock { state -> (Int, Gate?) in
            state.arrived.append(path)
            let status = state.scripts[path]?.isEmpty == false ? state.scripts[path]!.removeFirst() : 200
            return (status, state.held[path])
        }
        if let gate { await gate.wait() }
        let received = Received(
            path: path, body: body, signature: request.headers[HTTPField.Name("X-Hub-Signature-256")!],
            eventID: request.headers[HTTPField.Name("X-Hub-Event-Id")!], contentType: request.headers[.contentType], status: status
        )
        state.withLock { $0.answered.append(received) }
        return Response(status: HTTPResponse.Status(code: status), body: .init(byteBuffer: ByteBuffer(string: "{}")))
    }

    fileprivate func setPort(_ port: Int) {
        state.withLock { $0.port = port }
    }

    /// Runs `body` with a receiver listening; stops it afterwards.
    static func with<T: Sendable>(_ body: @Sendable (WebhookReceiver) async throws -> T) async throws -> T {
        let receiver = WebhookReceiver()
        let router = Router()
        router.post("**") { request, _ in try await receiver.handle(request) }
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }, logger: logger
        )
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw WaitedTooLong(what: "the receiver to listen") }
        receiver.setPort(port)
        return try await body(receiver)
    }
}

/// A latch a held request waits on.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
