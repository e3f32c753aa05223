import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Logging
import Synchronization
import Testing

/// `HUB_LOG_FORMAT=json`: a log pipeline gets one object per line with the request's
/// id, route, status and duration, and never a key or a webhook secret.
@Suite struct JSONLogTests {
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func append(_ data: Data) { lines.withLock { $0.append(String(decoding: data, as: UTF8.self)) } }
    }

    @Test func requestLinesCarryIdRouteStatusAndDurationAndNoSecrets() async throws {
        let lines = Lines()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-json-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = HubConfiguration(
            dataDirectory: directory, globalAPIKey: TestHub.globalKey, sliceNames: ["controller", "host-ingest"], logFormat: .json
        )
        let logger = Logger(label: "felhom.hub") { JSONLogHandler(label: $0, write: { lines.append($0) }) }
        let runtime = try await HubRuntime(
            configuration: configuration,
            resolver: SliceResolver(catalogue: [ControllerSlice.slice, HostIngestSlice.slice]),
            version: "test", clock: ManualClock(), logger: logger
        )
        defer { try? runtime.close() }
        try await runtime.migrator.migrate(allowDestructive: false)
        let hub = try await runtime.assemble()

        let (customerKey, secret) = try await hub.application(port: 0).test(.router) { client -> (String, String) in
            let client = HubClient(client: client)
            let created = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "acme"])
            let patched = try await client.send(
                .patch, "/api/v1/admin/customers/acme", key: TestHub.globalKey, json: ["webhook_url": "https://hooks.example.com/acme"]
            )
            _ = try await client.send(.get, "/api/v1/admin/customers/acme", key: TestHub.globalKey)
            _ = try await client.send(.get, "/api/v1/admin/customers/nobody", key: TestHub.globalKey)
            return (created.json["api_key"] as? String ?? "", patched.json["webhook_secret"] as? String ?? "")
        }
        #expect(customerKey.count == 64)
        #expect(secret.count == 64)

        let objects = try lines.all.map { line -> [String: Any] in
            #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "not one line: \(line)")
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
        let requests = objects.filter { $0["message"] as? String == "request" }
        #expect(requests.count == 4)
        let customerRead = try #require(requests.first { $0["status"] as? Int == 200 && $0["method"] as? String == "GET" })
        #expect(customerRead["level"] as? String == "info")
        #expect(customerRead["route"] as? String == "/api/v1/admin/customers/{customer_id}")
        #expect(customerRead["path"] as? String == "/api/v1/admin/customers/acme")
        #expect((customerRead["request_id"] as? String)?.isEmpty == false)
        #expect(customerRead["duration_ms"] is Double || customerRead["duration_ms"] is Int)
        #expect(requests.contains { $0["status"] as? Int == 404 })
        #expect(Set(requests.compactMap { $0["request_id"] as? String }).count == 4, "request ids are not per request")

        let everything = lines.all.joined()
        #expect(!everything.contains(TestHub.globalKey))
        #expect(!everything.contains(customerKey))
        #expect(!everything.contains(secret))
    }

    @Test func fieldsNamedLikeSecretsAreRedacted() throws {
        let lines = Lines()
        let logger = Logger(label: "test") { JSONLogHandler(label: $0, write: { lines.append($0) }) }
        logger.info("oops", metadata: ["webhook_secret": "abc123", "api_key": "def456", "count": .stringConvertible(3)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines.all.joined().utf8)) as? [String: Any])
        #expect(object["webhook_secret"] as? String == "[redacted]")
        #expect(object["api_key"] as? String == "[redacted]")
        #expect(object["count"] as? Int == 3)
        #expect(!lines.all.joined().contains("abc123"))
    }
}
