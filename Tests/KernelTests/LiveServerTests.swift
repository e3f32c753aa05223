import Foundation
import HubTestSupport
import Kernel
import ServiceLifecycle
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real HTTP server on a loopback port, spoken to over TCP by URLSession.
@Suite struct LiveServerTests {
    struct Answer {
        let status: Int
        let contentType: String?
        let json: JSONValue?
    }

    func call(_ method: String, _ url: URL, key: String? = nil, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(
            status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"),
            json: try? JSONDecoder().decode(JSONValue.self, from: data)
        )
    }

    @Test func realServerAnswersOverLoopback() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [HTTPToys.slice])
            let (ports, portSink) = AsyncStream<Int>.makeStream()
            let application = hub.hub.application(port: 0) { port in portSink.yield(port) }
            let group = ServiceGroup(configuration: .init(services: [application], logger: hub.runtime.logger))

            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                do {
                    var iterator = ports.makeAsyncIterator()
                    let port = try #require(await iterator.next())
                    #expect(port > 0)
                    let base = try #require(URL(string: "http://127.0.0.1:\(port)"))

                    let health = try await call("GET", base.appendingPathComponent("healthz"))
                    #expect(health.status == 200)
                    #expect(health.json == .object(["status": .string("ok"), "version": .string("test")]))

                    let anonymous = try await call("GET", base.appendingPathComponent("api/v1/admin/slices"))
                    #expect(anonymous.status == 401)
                    #expect(anonymous.json?["error"]?.stringValue == "unauthorized")

                    let slices = try await call("GET", base.appendingPathComponent("api/v1/admin/slices"), key: globalKey)
                    #expect(slices.status == 200)
                    #expect(slices.json?["slices"]?[0]?["name"]?.stringValue == "toy")

                    let missing = try await call("GET", base.appendingPathComponent("nowhere"))
                    #expect(missing.status == 404)
                    #expect(missing.contentType?.hasPrefix("application/json") == true)
                    #expect(missing.json?["error"]?.stringValue == "not_found")

                    let tooLarge = try await call("POST", base.appendingPathComponent("toy/echo"), body: String(repeating: "x", count: 4096))
                    #expect(tooLarge.status == 400)
                    #expect(tooLarge.json?["error"]?.stringValue == "body_too_large")

                    let echoed = try await call("POST", base.appendingPathComponent("toy/echo"), body: #"{"ok":true}"#)
                    #expect(echoed.status == 200)
                    #expect(echoed.json == .object(["ok": .bool(true)]))
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }
}
