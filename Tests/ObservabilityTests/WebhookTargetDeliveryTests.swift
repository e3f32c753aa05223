@testable import ControllerSlice
import Foundation
import HubTestSupport
import Kernel
import Testing

/// What the dispatcher connects to: never a non-public address unless the operator
/// allows it, however the URL spells it; and nothing it records about a non-public
/// target tells a customer which of the hub's internal ports are open.
@Suite struct WebhookTargetDeliveryTests {
    /// Hosts the resolver reads as an address of this machine, where the test receiver
    /// listens (it is on 127.0.0.1).
    static let loopbackHosts = [
        "2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.1", "0", "[0:0:0:0:0:ffff:7f00:1]", "[::ffff:127.0.0.1]",
        "[0::1]", "127.0.0.1", "127.0.0.1.", "localhost.",
    ]

    /// A URL stored while the operator allowed private targets is checked again before
    /// each attempt: once the flag is off, the receiver on loopback never hears of it.
    @Test(arguments: loopbackHosts)
    func aStoredNonPublicTargetIsRefusedBeforeDelivery(host: String) async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: "http://\(host):\(receiver.port)/hook")
            let event = try await fixture.emit("acme")
            try await fixture.allowPrivateTargets(false)

            try await fixture.dispatcher.deliverDue()

            #expect(receiver.arrived.isEmpty, "http://\(host):\(receiver.port)/ reached the loopback receiver with the flag off")
            let row = try #require(try await fixture.outbox(eventID: event.id))
            #expect(row.status == "pending")
            #expect(row.attempts == 1)
            #expect(row.lastError?.hasPrefix("the target is refused") == true, "last_error: \(row.lastError ?? "nil")")
        }
    }

    /// The operator's flag still lets a loopback target through, however it is spelled.
    @Test(arguments: ["2130706433", "0x7f.0.0.1", "127.1", "[::ffff:127.0.0.1]", "127.0.0.1"])
    func theFlagStillLetsALoopbackTargetThrough(host: String) async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: "http://\(host):\(receiver.port)/hook")
            let event = try await fixture.emit("acme")

            try await fixture.dispatcher.deliverDue()

            #expect(receiver.answered.map(\.eventID) == ["\(event.id)"])
            #expect(try await fixture.outbox(eventID: event.id)?.status == "delivered")
        }
    }

    /// Every address a name resolves to is checked, whatever its order: one private
    /// address among public ones is enough to refuse, and nothing is connected to.
    @Test(arguments: [["127.0.0.1"], ["93.184.216.34", "127.0.0.1"], ["127.0.0.1", "93.184.216.34"], ["2606:2800::1", "::1"], ["::ffff:127.0.0.1"]])
    func aNameThatResolvesToANonPublicAddressIsNeverConnectedTo(addresses: [String]) async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.allowPrivateTargets(false)
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: "http://hooks.acme.example:\(receiver.port)/hook")
            let event = try await fixture.emit("acme")
            let resolver = StubResolver(["hooks.acme.example": addresses])

            try await fixture.dispatcher(resolver: resolver).deliverDue()

            #expect(receiver.arrived.isEmpty)
            #expect(resolver.questions == ["hooks.acme.example"])
            let row = try #require(try await fixture.outbox(eventID: event.id))
            #expect(row.status == "pending")
            #expect(row.lastError == "the target's host name has no address the hub may connect to")
        }
    }

    /// A name that does not resolve records the same words as one that resolves into
    /// the hub's network, so the record does not tell which internal names exist.
    @Test func aNameThatDoesNotResolveRecordsTheSameWords() async throws {
        let fixture = try await WebhookFixture.make()
        try await fixture.allowPrivateTargets(false)
        try await fixture.addCustomer("acme")
        _ = try await fixture.setWebhook("acme", to: "https://nowhere.acme.example/hook")
        let event = try await fixture.emit("acme")

        try await fixture.dispatcher(resolver: StubResolver([:])).deliverDue()

        #expect(try await fixture.outbox(eventID: event.id)?.lastError == "the target's host name has no address the hub may connect to")
    }

    /// The connection goes to the address the name resolved to when it was checked: the
    /// client does not look the name up again (this one is in no DNS, so only the
    /// checked answer can reach the receiver), and the request still names the host.
    @Test func theConnectionGoesToTheAddressThatWasChecked() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: "http://hooks.acme.example:\(receiver.port)/hook")
            let event = try await fixture.emit("acme")
            let resolver = StubResolver(["hooks.acme.example": ["127.0.0.1"]])

            try await fixture.dispatcher(resolver: resolver).deliverDue()

            #expect(receiver.answered.map(\.eventID) == ["\(event.id)"])
            #expect(receiver.answered.first?.host == "hooks.acme.example:\(receiver.port)")
            #expect(resolver.questions == ["hooks.acme.example"])
            #expect(try await fixture.outbox(eventID: event.id)?.status == "delivered")
        }
    }

    /// "Connection refused" against "did not answer" against an HTTP status would map
    /// which of the hub's internal ports are open; a non-public target gets one phrase.
    @Test func aFailureToReachANonPublicTargetRecordsNoWordsFromTheOperatingSystem() async throws {
        let fixture = try await WebhookFixture.make(giveUpAfter: 600)
        try await fixture.addCustomer("acme")
        // Nothing listens on the discard port: the connection is refused.
        _ = try await fixture.setWebhook("acme", to: "http://127.0.0.1:9/hook")
        let event = try await fixture.emit("acme")

        // A short timeout: the client keeps retrying a refused connection until then.
        let dispatcher = try fixture.dispatcher(timeout: .seconds(1))

        try await dispatcher.deliverDue()
        let waiting = try #require(try await fixture.outbox(eventID: event.id))
        #expect(waiting.status == "pending")
        #expect(waiting.lastError == "the target could not be reached")

        fixture.hub.clock.advance(by: 601)
        try await dispatcher.deliverDue()
        #expect(try await fixture.outbox(eventID: event.id)?.status == "failed")
        let failure = try #require(try await fixture.hub.events(type: ControllerVocabulary.notificationFailed).first)
        #expect(failure.payload["last_error"] == .string("the target could not be reached"))
        let text = try WireJSON.encodeString(failure.payload)
        for word in ["refused", "errno", "route", "connect("] {
            #expect(!text.contains(word), "notification_failed carries \(word): \(text)")
        }
    }

    /// The retention prunes what is settled; a delivery still owed is kept, however old.
    @Test func aPendingDeliveryOutlivesTheRetentionAndIsStillDelivered() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            for customer in ["done", "gone", "waiting"] {
                try await fixture.addCustomer(customer)
                _ = try await fixture.setWebhook(customer, to: receiver.url("/\(customer)"))
            }
            receiver.script("/gone", [500])
            receiver.script("/waiting", [500, 500])
            let delivered = try await fixture.emit("done")
            let cancelled = try await fixture.emit("gone")
            let owed = try await fixture.emit("waiting")
            try await fixture.dispatcher.deliverDue()
            let removed = try await fixture.hub.withClient { client in
                try await client.send(.patch, "/api/v1/admin/customers/gone", key: TestHub.globalKey, body: #"{"webhook_url": null}"#)
            }
            #expect(removed.status == 200)
            // Past both retries (the first backoff is 5 s ± 20 %).
            fixture.hub.clock.advance(by: 60)
            try await fixture.dispatcher.deliverDue()
            #expect(try await fixture.outbox(eventID: delivered.id)?.status == "delivered")
            #expect(try await fixture.outbox(eventID: cancelled.id)?.status == "cancelled")
            #expect(try await fixture.outbox(eventID: owed.id)?.status == "pending")

            fixture.hub.clock.advance(by: 31 * 86_400)
            await fixture.hub.hub.pruning.pruneIfDue()

            #expect(try await fixture.outbox(eventID: delivered.id) == nil, "a delivered row outlived the retention")
            #expect(try await fixture.outbox(eventID: cancelled.id) == nil, "a cancelled row outlived the retention")
            #expect(try await fixture.outbox(eventID: owed.id)?.status == "pending", "the prune dropped a delivery still owed")
            try await fixture.dispatcher.deliverDue()
            #expect(try await fixture.outbox(eventID: owed.id)?.status == "delivered")
            #expect(receiver.answered.filter { $0.path == "/waiting" }.map(\.status) == [500, 500, 200])
        }
    }
}
