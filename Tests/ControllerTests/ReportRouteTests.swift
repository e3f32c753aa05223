import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

/// A report as agent protocol §3 shows it, for `customerID` (left out when `nil`).
func reportBody(_ customerID: String? = "acme") -> String {
    let customer = customerID.map { #""customer_id": "\#($0)", "# } ?? ""
    return """
        {\(customer)"reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "hostname": "felhom-ctl",
         "disk_percent": 41.5, "services": [{"name": "nextcloud", "status": "running"}], "last_backup_at": "2026-06-08T03:00:00Z"}
        """
}

@Suite struct ReportRouteTests {
    func send(_ text: String, key: String, in hub: ControllerHub) async throws -> TestResponse {
        try await hub.withClient { client in
            try await client.execute(uri: "/api/v1/report", method: .post, headers: bearer(key), body: body(text))
        }
    }

    @Test func validReportIsAcknowledgedAndStored() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let response = try await send(reportBody(), key: key, in: hub)

            #expect(response.status == .ok)
            #expect(try response.json() == .object(["status": .string("ok"), "poll_interval_seconds": .number(900), "blocked": .bool(false)]))
            let row = try #require(try await hub.database.row("SELECT * FROM reports"))
            #expect(row["customer_id"] as String == "acme")
            #expect(row["reported_at"] as String == "2026-06-08T10:00:00.000Z")
            #expect(row["received_at"] as String == Timestamp.format(start))
            #expect(row["controller_version"] as String == "1.4.2")
            #expect(row["hostname"] as String? == "felhom-ctl")
            #expect(row["disk_percent"] as Double? == 41.5)
            #expect(row["last_backup_at"] as String? == "2026-06-08T03:00:00.000Z")
            #expect((row["raw_json"] as String).contains("nextcloud"))
            #expect(try await hub.runtime.database.read { db in
                try String.fetchOne(db, sql: "SELECT last_report_at FROM customer_configs WHERE customer_id = 'acme'")
            } == Timestamp.format(start))
        }
    }

    @Test func reportWithoutCustomerIDUnderACustomerKeyIsTheKeysCustomer() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            #expect(try await send(reportBody(nil), key: key, in: hub).status == .ok)
            #expect(try await hub.reportCount("acme") == 1)
        }
    }

    @Test func customerKeyNamingAnotherCustomerIsForbidden() async throws {
        try await withControllerHub { hub in
            let acmeKey = try await hub.createCustomer("acme")
            _ = try await hub.createCustomer("globex")
            let response = try await send(reportBody("globex"), key: acmeKey, in: hub)

            #expect(response.status == .forbidden)
            #expect(response.errorCode == "customer_mismatch")
            #expect(try await hub.reportCount() == 0)
        }
    }

    @Test func globalKeyWithCustomerIDIsAccepted() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await send(reportBody("acme"), key: globalKey, in: hub)
            #expect(response.status == .ok)
            #expect(try await hub.reportCount("acme") == 1)
        }
    }

    @Test func globalKeyWithoutCustomerIDIsABadRequest() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await send(reportBody(nil), key: globalKey, in: hub)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_report")
            #expect(response.errorMessage.contains("customer_id"))
            #expect(try await hub.reportCount() == 0)
        }
    }

    @Test func globalKeyNamingAnUnknownCustomerIsABadRequest() async throws {
        try await withControllerHub { hub in
            let response = try await send(reportBody("nobody"), key: globalKey, in: hub)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "unknown_customer")
        }
    }

    @Test func blockedCustomerIsToldSoAndTheReportIsStillStored() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let patched = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/customers/acme", method: .patch, headers: bearer(globalKey), body: body(#"{"status": "blocked"}"#)
                ).status
            }
            #expect(patched == .ok)

            let response = try await send(reportBody(), key: key, in: hub)

            #expect(response.status == .ok)
            #expect(try response.json()["blocked"]?.boolValue == true)
            #expect(try await hub.reportCount("acme") == 1)
        }
    }

    @Test func pollIntervalComesFromTheConfiguration() async throws {
        try await withControllerHub(pollIntervalSeconds: 300) { hub in
            let key = try await hub.createCustomer("acme")
            let response = try await send(reportBody(), key: key, in: hub)
            #expect(try response.json()["poll_interval_seconds"] == .number(300))
        }
    }

    @Test func reportWithoutAKeyIsUnauthorized() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await hub.withClient { client in
                try await client.execute(uri: "/api/v1/report", method: .post, body: body(reportBody()))
            }
            #expect(response.status == .unauthorized)
            #expect(try await hub.reportCount() == 0)
        }
    }

    @Test(arguments: [
        (#"{"customer_id": "acme", "controller_version": "1.4.2"}"#, "reported_at"),
        (#"{"customer_id": "acme", "reported_at": "yesterday", "controller_version": "1.4.2"}"#, "reported_at"),
        (#"{"customer_id": "acme", "reported_at": "2026-02-30T10:00:00Z", "controller_version": "1.4.2"}"#, "reported_at"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z"}"#, "controller_version"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": 142}"#, "controller_version"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": ""}"#, "controller_version"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "disk_percent": 150}"#, "disk_percent"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "last_backup_at": "never"}"#, "last_backup_at"),
        (#"{"customer_id": "acme", "reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2", "services": [{"name": "x"}]}"#, "status"),
        (#"{"customer_id": "acme", "reported_at": "#, "JSON"),
        ("not json at all", "JSON"),
        ("", "empty"),
    ])
    func badBodyIsRefusedNamingTheFieldAndNothingIsStored(text: String, named: String) async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let response = try await send(text, key: key, in: hub)

            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_report")
            #expect(response.errorMessage.contains(named), "message was: \(response.errorMessage)")
            #expect(try await hub.reportCount() == 0)
            #expect(try await hub.runtime.database.read { db in
                try String.fetchOne(db, sql: "SELECT last_report_at FROM customer_configs WHERE customer_id = 'acme'")
            } == nil)
        }
    }
}
