import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct SliceOffTests {
    @Test func controllerOnlyHubServesNoHostRoutesAndKeepsHostTables() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let controllerOnly = try await fixture.hub.restarted(slices: HostIngestFixture.slices, enabled: ["controller"])
        let (report, mint, list) = try await controllerOnly.withClient { client in
            (
                try await client.send(.post, "/api/v1/host-report", key: host.key, json: HostIngestFixture.report(hostID: host.id)),
                try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"]),
                try await client.send(.get, "/api/v1/admin/hosts", key: TestHub.globalKey)
            )
        }
        #expect([report.status, mint.status, list.status] as [Int] == [404, 404, 404])
        #expect(try await controllerOnly.count("hosts") == 1)
        let tables = try await controllerOnly.database.read { db in
            let tables = db.dialect == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            return try String.fetchAll(db, sql: "SELECT name FROM (\(tables)) AS t WHERE name IN ('hosts', 'guests', 'host_reports') ORDER BY name")
        }
        #expect(tables == ["guests", "host_reports", "hosts"])
        let controllerReport = try await controllerOnly.withClient { client in
            try await client.send(.post, "/api/v1/report", key: fixture.customerKey, json: ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2"])
        }
        #expect(controllerReport.status == 200)
        #expect(controllerReport.json["blocked"] as? Bool == false)
    }

    @Test func addingHostIngestLeavesControllerTablesByteIdentical() async throws {
        let controllerOnly = try await TestHub(slices: HostIngestFixture.slices, enabled: ["controller"])
        let key = try await controllerOnly.withClient { client in
            let created = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "acme", "name": "Acme"])
            let key = created.json["api_key"] as? String ?? ""
            _ = try await client.send(.post, "/api/v1/report", key: key, json: ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "disk_percent": 41.5])
            _ = try await client.send(.patch, "/api/v1/admin/customers/acme", key: TestHub.globalKey, json: ["paid_until": "2027-01-01T00:00:00Z"])
            return key
        }
        #expect(!key.isEmpty)
        let before = try await Self.snapshot(controllerOnly.database)
        let withHosts = try await controllerOnly.restarted(slices: HostIngestFixture.slices)
        let after = try await Self.snapshot(withHosts.database)
        #expect(before == after)
        #expect(try await withHosts.count("hosts") == 0)
    }

    /// Schema text and every row of the controller's tables, as text.
    static func snapshot(_ database: HubDatabase) async throws -> [String] {
        try await database.read { db in
            let schema = switch db.dialect {
            case .sqlite: "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE tbl_name IN ('customer_configs', 'reports') ORDER BY name"
            case .postgres: """
                SELECT table_name || '.' || column_name || ': ' || data_type FROM information_schema.columns
                WHERE table_name IN ('customer_configs', 'reports') ORDER BY 1
                """
            }
            var lines = try String.fetchAll(db, sql: schema)
            for table in ["customer_configs", "reports"] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { row in
                    "\(table): " + row.sorted { $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: " ")
                }
            }
            return lines
        }
    }
}
