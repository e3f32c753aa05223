import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel

/// A hub with the controller and host-ingest slices whose webhook targets may be
/// loopback (the receiver runs on 127.0.0.1), and helpers to give customers webhooks
/// and events.
struct WebhookFixture {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice]
    let hub: TestHub

    static func make(directory: URL? = nil, clock: ManualClock = ManualClock(), giveUpAfter: TimeInterval = 86_400) async throws -> WebhookFixture {
        let hub = try await TestHub(
            slices: slices, directory: directory, clock: clock,
            flags: [ControllerVocabulary.webhooksAllowPrivateTargets: true]
        ) { $0.webhookGiveUpAfter = giveUpAfter }
        return WebhookFixture(hub: hub)
    }

    var dispatcher: WebhookDispatcher {
        get throws {
            guard let dispatcher = hub.hub.services.lazy.compactMap({ $0 as? WebhookDispatcher }).first else {
                throw Missing()
            }
            return dispatcher
        }
    }

    struct Missing: Error {}

    /// Creates `customerID`; answers its key.
    @discardableResult
    func addCustomer(_ customerID: String) async throws -> String {
        try await hub.withClient { client in
            let reply = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": customerID])
            return reply.json["api_key"] as? String ?? ""
        }
    }

    /// Sets the customer's webhook; answers the secret the PATCH answer revealed.
    func setWebhook(_ customerID: String, to url: String) async throws -> String {
        try await hub.withClient { client in
            let reply = try await client.send(
                .patch, "/api/v1/admin/customers/\(customerID)", key: TestHub.globalKey, json: ["webhook_url": url]
            )
            return reply.json["webhook_secret"] as? String ?? ""
        }
    }

    /// Records an event of a controller type for `customerID`, as a checker would.
    @discardableResult
    func emit(_ customerID: String, type: String = "deadline_warning", subject: String? = nil) async throws -> Event {
        try await hub.database.write { db in
            try hub.runtime.events.record(EventDraft(customerID: customerID, type: type, subject: subject ?? customerID), in: db)
        }
    }

    struct OutboxRow: Sendable {
        let eventID: Int64
        let eventType: String
        let status: String
        let attempts: Int
        let nextAttemptAt: String
        let lastError: String?
    }

    func outbox(eventID: Int64) async throws -> OutboxRow? {
        try await outbox().first { $0.eventID == eventID }
    }

    func outbox() async throws -> [OutboxRow] {
        try await hub.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhook_outbox ORDER BY id").map { row in
                OutboxRow(
                    eventID: row["event_id"], eventType: row["event_type"], status: row["status"], attempts: row["attempts"],
                    nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"]
                )
            }
        }
    }

    /// Moves the clock to the row's next attempt.
    func advanceToNextAttempt(of eventID: Int64) async throws {
        guard let row = try await outbox(eventID: eventID), let next = Timestamp.parse(row.nextAttemptAt) else { throw Missing() }
        hub.clock.set(next)
    }
}
