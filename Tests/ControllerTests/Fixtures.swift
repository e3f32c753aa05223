import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import NIOCore

// Shared fixtures for the controller tests: a hub with the controller slice on a
// temporary data folder, driven by a manual clock.

let globalKey = String(repeating: "c0", count: 32)

/// The clock's start: 2026-05-28T20:26:40Z.
let start = Date(timeIntervalSince1970: 1_780_000_000)

struct ControllerHub {
    let runtime: HubRuntime
    let hub: AssembledHub
    let clock: ManualClock

    var database: HubDatabase { runtime.database }

    func withClient<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await hub.application(port: 0).test(.router) { client in try await body(client) }
    }

    /// Creates a customer through the admin API and answers its key.
    func createCustomer(_ id: String) async throws -> String {
        let response = try await withClient { client in
            try await client.execute(
                uri: "/api/v1/admin/customers", method: .post, headers: bearer(globalKey), body: body(#"{"customer_id": "\#(id)"}"#)
            )
        }
        guard response.status == .created, let key = try response.json()["api_key"]?.stringValue else {
            throw FixtureFailure("creating \(id) answered \(response.status): \(response.text)")
        }
        return key
    }

    /// Sends `text` as the body of `PATCH /api/v1/admin/customers/{customerID}`.
    func patchCustomer(_ text: String, customerID: String = "acme") async throws -> TestResponse {
        try await withClient { client in
            try await client.execute(uri: "/api/v1/admin/customers/\(customerID)", method: .patch, headers: bearer(globalKey), body: body(text))
        }
    }

    /// Turns `webhooks_allow_private_targets` on or off for every customer.
    func allowPrivateWebhookTargets(_ enabled: Bool) async throws {
        let response = try await withClient { client in
            try await client.execute(
                uri: "/api/v1/admin/flags/webhooks_allow_private_targets", method: .put, headers: bearer(globalKey),
                body: body(#"{"enabled": \#(enabled)}"#)
            )
        }
        guard response.status == .ok else { throw FixtureFailure("setting the flag answered \(response.status): \(response.text)") }
    }

    /// The customer's stored webhook URL and secret.
    func storedWebhook(_ customerID: String = "acme") async throws -> (url: String?, secret: String?) {
        try await database.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT webhook_url, webhook_secret FROM customer_configs WHERE customer_id = ?", arguments: [customerID])
            return (row?["webhook_url"], row?["webhook_secret"])
        }
    }

    func events() async throws -> [Event] {
        try await runtime.events.list(limit: 1000)
    }

    func reportCount(_ customerID: String? = nil) async throws -> Int {
        try await database.read { db in
            if let customerID {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports WHERE customer_id = ?", arguments: [customerID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") ?? 0
        }
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a hub that has the controller slice, on a folder removed afterwards.
func withControllerHub<T>(
    clock: ManualClock = ManualClock(start), staleAfter: TimeInterval = 1800, downAfter: TimeInterval = 3600,
    pollIntervalSeconds: Int = 900, _ body: (ControllerHub) async throws -> T
) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("controller-tests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    var logger = Logger(label: "controller-tests") { _ in SwiftLogNoOpLogHandler() }
    logger.logLevel = .critical
    let configuration = HubConfiguration(
        dataDirectory: directory, globalAPIKey: globalKey, sliceNames: ["controller"], staleAfter: staleAfter, downAfter: downAfter,
        sliceSettings: [ControllerSettings.pollInterval.name: "\(pollIntervalSeconds)"], serverLimits: .patientForTests
    )
    let runtime = try await HubRuntime(
        configuration: configuration, resolver: SliceResolver(catalogue: [ControllerSlice.slice]),
        version: "test", clock: clock, logger: logger
    )
    try await runtime.migrator.migrate(allowDestructive: false)
    return try await body(ControllerHub(runtime: runtime, hub: try await runtime.assemble(), clock: clock))
}
