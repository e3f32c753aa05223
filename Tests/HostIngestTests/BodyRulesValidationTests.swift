import Foundation
import GRDB
import HTTPTypes
import HubTestSupport
import Testing

/// The routes that read their body with `JSONDecoder` hold to the host report's rules:
/// a repeated key or U+0000 anywhere is 400 with the route's own error code, naming
/// the field, and nothing changes.
@Suite struct BodyRulesValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String
        let code: String
        let message: String
        var testDescription: String { "\(method) \(path) \(body)" }
    }

    static let cases: [Case] = [
        Case(method: .post, path: "/api/v1/admin/customers", body: #"{"customer_id": "bob", "customer_id": "eve"}"#,
             code: "invalid_customer_id", message: "customer_id: duplicate key"),
        Case(method: .post, path: "/api/v1/admin/customers", body: #"{"customer_id": "bob", "name": "Bob\u0000 Ltd"}"#,
             code: "invalid_customer_id", message: "name: must not contain U+0000"),
        Case(method: .patch, path: "/api/v1/admin/customers/acme", body: #"{"name": "Acme\u0000"}"#,
             code: "invalid_customer", message: "name: must not contain U+0000"),
        Case(method: .patch, path: "/api/v1/admin/customers/acme", body: #"{"webhook_url": "https://example.com/hook\u0000.local"}"#,
             code: "invalid_customer", message: "webhook_url: must not contain U+0000"),
        Case(method: .patch, path: "/api/v1/admin/customers/acme", body: #"{"status": "active", "status": "blocked"}"#,
             code: "invalid_customer", message: "status: duplicate key"),
        Case(method: .post, path: "/api/v1/admin/hosts", body: #"{"customer_id": "acme", "label": "rack\u0000 1"}"#,
             code: "invalid_host", message: "label: must not contain U+0000"),
        Case(method: .post, path: "/api/v1/admin/hosts", body: #"{"customer_id": "acme", "customer_id": "other"}"#,
             code: "invalid_host", message: "customer_id: duplicate key"),
        Case(method: .put, path: "/api/v1/admin/flags/admin_mint", body: #"{"enabled": true, "enabled": false}"#,
             code: "invalid_flag", message: "enabled: duplicate key"),
        Case(method: .put, path: "/api/v1/admin/flags/admin_mint", body: #"{"enabled": true, "customers": ["acme\u0000"]}"#,
             code: "invalid_flag", message: "customers[0]: must not contain U+0000"),
        Case(method: .put, path: "/api/v1/admin/flags/admin_mint", body: #"{"enabled": true, "\u0065nabled": true}"#,
             code: "invalid_flag", message: "enabled: duplicate key"),
    ]

    static let watchedTables = ["customer_configs", "hosts", "kernel_flags", "kernel_flag_audit", "kernel_events"]

    @Test(arguments: cases)
    func isRefusedNamingTheFieldAndChangesNothing(_ example: Case) async throws {
        let fixture = try await HostIngestFixture.make()
        let before = try await snapshot(fixture.hub)
        let reply = try await fixture.hub.withClient { client in
            try await client.send(example.method, example.path, key: TestHub.globalKey, body: example.body)
        }
        #expect(reply.status == 400)
        #expect(reply.errorCode == example.code)
        #expect(reply.message == example.message)
        #expect(try await snapshot(fixture.hub) == before)
    }

    @Test func aControllerReportWithARepeatedKeyIsRefused() async throws {
        let fixture = try await HostIngestFixture.make()
        let body = #"{"reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "controller_version": "9.9.9"}"#
        let reply = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/report", key: fixture.customerKey, body: body)
        }
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_report")
        #expect(reply.message == "controller_version: duplicate key")
        #expect(try await fixture.hub.count("reports") == 0)
    }

    /// Every row of the watched tables, as text: equal snapshots mean nothing changed.
    func snapshot(_ hub: TestHub) async throws -> [String] {
        try await hub.database.read { db in
            try Self.watchedTables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                    "\(table): " + row.sorted { $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: " ")
                }
            }.sorted()
        }
    }
}
