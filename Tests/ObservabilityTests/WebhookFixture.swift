@testable import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import NIOCore

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
        ) { $0.sliceSettings["HUB_WEBHOOK_GIVE_UP_SECONDS"] = "\(Int(giveUpAfter))" }
        return WebhookFixture(hub: hub)
    }

    /// The hub's dispatcher with a timeout for a loaded machine: a loopback receiver
    /// that is slow to be scheduled must not count as a failed delivery.
    var dispatcher: WebhookDispatcher {
        get throws { try dispatcher() }
    }

    /// The hub's dispatcher with another resolver or timeout: `resolver` decides what a
    /// webhook's name resolves to.
    func dispatcher(resolver: (any HostNameResolver)? = nil, timeout: TimeAmount = .seconds(30)) throws -> WebhookDispatcher {
        guard let standard = hub.hub.leaderServices.lazy.compactMap({ $0 as? WebhookDispatcher }).first else { throw Missing() }
        var sender = standard.sender
        sender.timeout = timeout
        return WebhookDispatcher(
            outbox: standard.outbox, flags: standard.flags, policy: standard.policy, resolver: resolver ?? standard.resolver, sender: sender,
            schedule: standard.schedule, clock: standard.clock, metrics: standard.metrics, logger: standard.logger, random: standard.random
        )
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
        let reply = try await hub.withClient { client in
            try await client.send(.patch, "/api/v1/admin/customers/\(customerID)", key: TestHub.globalKey, json: ["webhook_url": url])
        }
        guard reply.status == 200 else { throw Refused(url: url, reply: reply.body) }
        return reply.json["webhook_secret"] as? String ?? ""
    }

    struct Refused: Error, CustomStringConvertible {
        let url: String
        let reply: String
        var description: String { "the hub refused the webhook_url \(url): \(reply)" }
    }

    /// Turns `webhooks_allow_private_targets` on or off for every customer.
    func allowPrivateTargets(_ enabled: Bool) async throws {
        let reply = try await hub.withClient { client in
            try await client.send(
                .put, "/api/v1/admin/flags/\(ControllerVocabulary.webhooksAllowPrivateTargets)", key: TestHub.globalKey, json: ["enabled": enabled]
            )
        }
        guard reply.status == 200 else { throw Missing() }
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
