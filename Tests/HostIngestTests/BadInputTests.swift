import ControllerSlice
import Foundation
import HTTPTypes
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// Thousands of generated bad requests against every endpoint: none may answer ≥ 500,
/// none may crash the hub, and none that is rejected may leave a row behind.
@Suite struct BadInputTests {
    static let cases = 3000
    static let watchedTables = ["customer_configs", "reports", "hosts", "guests", "host_reports", "kernel_flags", "kernel_flag_audit", "kernel_events"]

    struct Endpoint: Sendable {
        let method: HTTPRequest.Method
        let path: String
    }

    static let endpoints: [Endpoint] = [
        Endpoint(method: .post, path: "/api/v1/host-report"),
        Endpoint(method: .post, path: "/api/v1/report"),
        Endpoint(method: .post, path: "/api/v1/admin/customers"),
        Endpoint(method: .get, path: "/api/v1/admin/customers/{id}"),
        Endpoint(method: .patch, path: "/api/v1/admin/customers/{id}"),
        Endpoint(method: .post, path: "/api/v1/admin/hosts"),
        Endpoint(method: .get, path: "/api/v1/admin/hosts/{id}"),
        Endpoint(method: .get, path: "/api/v1/admin/hosts?customer_id={id}"),
        Endpoint(method: .put, path: "/api/v1/admin/flags/{id}"),
        Endpoint(method: .get, path: "/api/v1/admin/events?after_id={id}&limit={id}&customer_id={id}"),
        Endpoint(method: .get, path: "/api/v1/admin/slices"),
        Endpoint(method: .get, path: "/healthz"),
        Endpoint(method: .delete, path: "/api/v1/host-report"),
        Endpoint(method: .post, path: "/api/v1/{id}"),
    ]

    @Test func generatedBadRequestsNeverAnswer5xxNorWriteRows() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let keys = [TestHub.globalKey, fixture.customerKey, host.key]
        var generator = BadRequestGenerator(seed: 0x5EED, hostID: host.id, keys: keys)
        var failures: [String] = []
        for index in 0..<Self.cases {
            let endpoint = Self.endpoints[generator.next(below: Self.endpoints.count)]
            let request = generator.request(for: endpoint)
            let before = try await counts(fixture.hub)
            let reply = try await fixture.hub.withClient { client in
                try await client.send(endpoint.method, request.path, headers: request.headers, bytes: request.body)
            }
            if reply.status >= 500 {
                failures.append("case \(index) \(endpoint.method) \(request.path): \(reply.status) \(reply.body.prefix(200))")
            }
            if reply.status >= 400, try await counts(fixture.hub) != before {
                failures.append("case \(index) \(endpoint.method) \(request.path): rejected with \(reply.status) but wrote rows")
            }
            if !reply.body.isEmpty, reply.status >= 400, reply.json["error"] == nil {
                failures.append("case \(index): error body is not the contract's JSON: \(reply.body.prefix(120))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(5))")
        let health = try await fixture.hub.withClient { client in try await client.send(.get, "/healthz") }
        #expect(health.status == 200)
    }

    func counts(_ hub: TestHub) async throws -> [Int] {
        try await hub.database.read { db in
            try Self.watchedTables.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }
}

/// Reproducible bad requests: a valid report or admin body taken apart at random, or
/// garbage; bad ids in paths; bad Authorization headers.
struct BadRequestGenerator {
    private var random: SplitMix64
    let hostID: String
    let keys: [String]

    init(seed: UInt64, hostID: String, keys: [String]) {
        self.random = SplitMix64(seed: seed)
        self.hostID = hostID
        self.keys = keys
    }

    struct Generated {
        let path: String
        let headers: HTTPFields
        let body: [UInt8]
    }

    mutating func next(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }

    mutating func request(for endpoint: BadInputTests.Endpoint) -> Generated {
        var path = endpoint.path
        while let range = path.range(of: "{id}") {
            path.replaceSubrange(range, with: badID())
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        if let authorization = authorization() { headers[.authorization] = authorization }
        return Generated(path: path, headers: headers, body: body())
    }

    mutating func badID() -> String {
        pick([
            "acme", hostID, "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "%00", "a%20b", String(repeating: "x", count: 5000),
            "%C3%A9t%C3%A9", "-1", "99999999999999999999999", "1e9", "NaN", "%FF%FE", "admin_mint", "",
        ])
    }

    mutating func authorization() -> String? {
        switch next(below: 10) {
        case 0: return nil
        case 1: return "Bearer"
        case 2: return "Bearer " + String(repeating: "a", count: 600 + next(below: 5000))
        case 3: return "Basic " + pick(keys)
        case 4: return "Bearer " + String(repeating: "0", count: 64)
        case 5: return "bearer  \(pick(keys))  extra"
        case 6: return "Bearer \(pick(keys))\u{7F}"
        default: return "Bearer " + pick(keys)
        }
    }

    mutating func body() -> [UInt8] {
        switch next(below: 12) {
        case 0: return []
        case 1: return Array(pick(["{", "[", "}", "nul", "tru", "\"", "{\"a\":}", "{'a': 1}", "[1,]", "{\"a\" 1}", "0x10", "--"]).utf8)
        case 2: return [0xFF, 0xFE, 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]
        case 3: return Array(repeating: UInt8(ascii: "["), count: 20_000) + Array(repeating: UInt8(ascii: "]"), count: 20_000)
        case 4: return Array(String(repeating: "{\"a\":", count: 5000).utf8)
        case 5: return Array(repeating: UInt8(ascii: " "), count: 4 * 1024 * 1024 + 1)
        default: return Array(mutatedDocument().utf8)
        }
    }

    /// A valid document with one or more parts broken.
    mutating func mutatedDocument() -> String {
        var document = pick([
            HostIngestFixture.report(hostID: hostID),
            ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "customer_id": "acme", "disk_percent": 41.5],
            ["customer_id": "acme", "name": "Acme"],
            ["status": "blocked", "paid_until": "2026-06-08T10:00:00Z", "webhook_url": "https://example.com/hook"],
            ["enabled": true, "customers": ["acme"]],
        ] as [[String: Any]])
        for _ in 0...next(below: 3) {
            mutate(&document)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: document) else { return "{}" }
        var text = String(decoding: data, as: UTF8.self)
        if next(below: 6) == 0 {
            text = text.replacingOccurrences(of: pick(["12.5", "101", "true", "0.3.1", "2026"]), with: pick(["1e400", "-1e400", "NaN", "Infinity", "-0", "1E+9999", "99999999999999999999999999"]))
        }
        return text
    }

    mutating func mutate(_ document: inout [String: Any]) {
        let keys = Array(document.keys).sorted()
        guard !keys.isEmpty else { return }
        let key = pick(keys)
        switch next(below: 5) {
        case 0: document[key] = nil
        case 1: document[key] = strangeValue()
        case 2: document["unexpected_\(next(below: 100))"] = strangeValue()
        case 3:
            if var nested = document[key] as? [String: Any] {
                mutate(&nested)
                document[key] = nested
            } else if var list = document[key] as? [[String: Any]], !list.isEmpty {
                let index = next(below: list.count)
                mutate(&list[index])
                document[key] = list
            } else {
                document[key] = strangeValue()
            }
        default: document[key] = [strangeValue(), strangeValue()]
        }
    }

    mutating func strangeValue() -> Any {
        pick([
            NSNull(), true, -1, 0, 1e308, -1e308, Int64.max, Int64.min, 3.5, "", "x", String(repeating: "é", count: 3000),
            "2026-13-45T99:99:99Z", "NaN", "Infinity", [String: Any](), [Any](), ["vmid": -5], [[String: Any]()],
        ] as [Any])
    }
}
