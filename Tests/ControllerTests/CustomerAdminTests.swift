import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HTTPTypes
import HummingbirdTesting
import Kernel
import Testing

@Suite struct CustomerAdminTests {
    func call(_ method: HTTPRequest.Method, _ uri: String, key: String? = globalKey, body text: String? = nil, in hub: ControllerHub) async throws -> TestResponse {
        try await hub.withClient { client in
            try await client.execute(uri: uri, method: method, headers: key.map(bearer) ?? [:], body: text.map(body))
        }
    }

    @Test func createdCustomerGetsAKeyThatAuthenticatesReports() async throws {
        try await withControllerHub { hub in
            let created = try await call(.post, "/api/v1/admin/customers", body: #"{"customer_id": "acme", "name": "Acme Ltd"}"#, in: hub)

            #expect(created.status == .created)
            let json = try created.json()
            #expect(json["customer_id"]?.stringValue == "acme")
            let key = try #require(json["api_key"]?.stringValue)
            #expect(APIKey.isWellFormed(key))

            let report = try await call(.post, "/api/v1/report", key: key, body: reportBody(), in: hub)
            #expect(report.status == .ok)
        }
    }

    @Test func eachCustomerGetsItsOwnKey() async throws {
        try await withControllerHub { hub in
            let first = try await hub.createCustomer("acme")
            let second = try await hub.createCustomer("globex")
            #expect(first != second)
        }
    }

    @Test func creatingAnExistingCustomerIsAConflict() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let again = try await call(.post, "/api/v1/admin/customers", body: #"{"customer_id": "acme"}"#, in: hub)

            #expect(again.status == .conflict)
            #expect(again.errorCode == "exists")
            #expect(try await call(.post, "/api/v1/report", key: key, body: reportBody(), in: hub).status == .ok)
        }
    }

    @Test(arguments: [
        #"{"customer_id": "Acme"}"#,
        #"{"customer_id": "a"}"#,
        #"{"customer_id": "-acme"}"#,
        #"{"customer_id": "acme_ltd"}"#,
        #"{"customer_id": "\#(String(repeating: "a", count: 64))"}"#,
        #"{"customer_id": 7}"#,
        #"{"name": "no id"}"#,
    ])
    func invalidCustomerIDIsRefused(text: String) async throws {
        try await withControllerHub { hub in
            let response = try await call(.post, "/api/v1/admin/customers", body: text, in: hub)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_customer_id")
            let count = try await hub.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer_configs") }
            #expect(count == 0)
        }
    }

    @Test func longestAndShortestValidIDsAreAccepted() async throws {
        try await withControllerHub { hub in
            for id in ["a1", "0-" + String(repeating: "z", count: 61)] {
                let response = try await call(.post, "/api/v1/admin/customers", body: #"{"customer_id": "\#(id)"}"#, in: hub)
                #expect(response.status == .created, "\(id)")
            }
        }
    }

    @Test func customerIsReadBackWithoutKeyMaterial() async throws {
        try await withControllerHub { hub in
            _ = try await call(.post, "/api/v1/admin/customers", body: #"{"customer_id": "acme", "name": "Acme Ltd"}"#, in: hub)
            _ = try await call(.patch, "/api/v1/admin/customers/acme", body: #"{"webhook_url": "https://hooks.example.com/acme"}"#, in: hub)

            let response = try await call(.get, "/api/v1/admin/customers/acme", in: hub)

            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["customer_id"]?.stringValue == "acme")
            #expect(json["name"]?.stringValue == "Acme Ltd")
            #expect(json["status"]?.stringValue == "active")
            #expect(json["created_at"]?.stringValue == Timestamp.format(start))
            let fields = Set(json.objectValue?.keys.map { $0 } ?? [])
            #expect(fields.isDisjoint(with: ["api_key", "api_key_hash", "webhook_secret"]))
        }
    }

    @Test func unknownCustomerIsNotFound() async throws {
        try await withControllerHub { hub in
            let read = try await call(.get, "/api/v1/admin/customers/nobody", in: hub)
            #expect(read.status == .notFound)
            #expect(read.errorCode == "not_found")
            let patched = try await call(.patch, "/api/v1/admin/customers/nobody", body: #"{"status": "blocked"}"#, in: hub)
            #expect(patched.status == .notFound)
            // Whatever the body holds: a webhook the hub would refuse does not hide that
            // there is no such customer.
            let withBadWebhook = try await call(.patch, "/api/v1/admin/customers/nobody", body: #"{"webhook_url": "ftp://x"}"#, in: hub)
            #expect(withBadWebhook.status == .notFound)
        }
    }

    @Test func patchChangesStatusPaidUntilAndName() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let patched = try await call(
                .patch, "/api/v1/admin/customers/acme",
                body: #"{"status": "blocked", "paid_until": "2026-07-01T00:00:00+02:00", "name": "Acme"}"#, in: hub
            )
            #expect(patched.status == .ok)
            let json = try patched.json()
            #expect(json["status"]?.stringValue == "blocked")
            #expect(json["paid_until"]?.stringValue == "2026-06-30T22:00:00.000Z")
            #expect(json["name"]?.stringValue == "Acme")

            let cleared = try await call(.patch, "/api/v1/admin/customers/acme", body: #"{"paid_until": null, "status": "active"}"#, in: hub)
            #expect(try cleared.json()["paid_until"] == nil || cleared.json()["paid_until"] == .null)
            #expect(try cleared.json()["status"]?.stringValue == "active")
            #expect(try cleared.json()["name"]?.stringValue == "Acme")
        }
    }

    /// A `paid_until` given to the millisecond is kept to that millisecond: the operator
    /// reads back the moment set, and the deadline falls there, not a millisecond early.
    /// (Taken through a `Double` of seconds, these lost their last millisecond.)
    @Test(arguments: ["2109-02-02T16:02:52.122Z", "1974-11-13T20:48:34.149Z", "3083-11-28T04:10:26.311Z"])
    func paidUntilIsKeptToTheMillisecond(paidUntil: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let patched = try await call(.patch, "/api/v1/admin/customers/acme", body: #"{"paid_until": "\#(paidUntil)"}"#, in: hub)
            #expect(try patched.json()["paid_until"]?.stringValue == paidUntil)
            let read = try await call(.get, "/api/v1/admin/customers/acme", in: hub)
            #expect(try read.json()["paid_until"]?.stringValue == paidUntil)
        }
    }

    @Test(arguments: [
        (#"{"status": "suspended"}"#, "status"),
        (#"{"paid_until": "next month"}"#, "paid_until"),
    ])
    func patchWithABadValueIsRefused(text: String, field: String) async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            let response = try await call(.patch, "/api/v1/admin/customers/acme", body: text, in: hub)
            #expect(response.status == .badRequest)
            #expect(response.errorMessage.contains(field))
            #expect(try await call(.get, "/api/v1/admin/customers/acme", in: hub).json()["status"]?.stringValue == "active")
        }
    }

    @Test func adminAPIRefusesCustomerKeysAndRequestsWithoutAKey() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let withCustomerKey = try await call(.get, "/api/v1/admin/customers/acme", key: key, in: hub)
            #expect(withCustomerKey.status == .forbidden)
            #expect(withCustomerKey.errorCode == "forbidden")
            let creating = try await call(.post, "/api/v1/admin/customers", key: key, body: #"{"customer_id": "sneaky"}"#, in: hub)
            #expect(creating.status == .forbidden)
            let withoutKey = try await call(.get, "/api/v1/admin/customers/acme", key: nil, in: hub)
            #expect(withoutKey.status == .unauthorized)
            #expect(try await call(.get, "/api/v1/admin/customers/sneaky", in: hub).status == .notFound)
        }
    }

    @Test func customerKeyIsStoredOnlyAsItsHash() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            let row = try #require(try await hub.database.row("SELECT * FROM customer_configs WHERE customer_id = 'acme'"))
            #expect(row["api_key_hash"] as String == APIKey.hash(key))
            for column in row.columnNames {
                let value = row[column].map { "\($0)" } ?? ""
                #expect(!value.contains(key), "column \(column) holds the key")
            }
            // The file's bytes are SQLite's alone to check; on PostgreSQL the columns above say it.
            guard let pool = hub.database.sqlitePool, let databaseFile = hub.database.sqliteFile else { return }
            try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            let file = try Data(contentsOf: databaseFile)
            #expect(file.range(of: Data(key.utf8)) == nil)
            #expect(file.range(of: Data(APIKey.hash(key).utf8)) != nil)
        }
    }
}
