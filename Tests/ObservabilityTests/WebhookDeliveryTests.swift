import ControllerSlice
import Crypto
import Foundation
import HubTestSupport
import Kernel
import Testing

/// Customers hear about their events: signed POSTs from the outbox, retried, in order,
/// surviving restarts, given up visibly, one customer never holding up another.
@Suite struct WebhookDeliveryTests {
    @Test func aCheckerEventArrivesSignedWithTheSecretFromThePatchAnswer() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            let key = try await fixture.addCustomer("acme")
            let secret = try await fixture.setWebhook("acme", to: receiver.url("/hooks/acme"))
            #expect(secret.count == 64)
            let report = try await fixture.hub.withClient { client in
                try await client.send(.post, "/api/v1/report", key: key, json: ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2"])
            }
            #expect(report.status == 200)
            fixture.hub.clock.advance(by: 1800)
            await fixture.hub.hub.ticker.tick()

            try await fixture.dispatcher.deliverDue()

            let received = try #require(receiver.answered.first)
            #expect(receiver.answered.count == 1)
            let expected = "sha256=" + Array(HMAC<SHA256>.authenticationCode(for: Data(received.body.utf8), using: SymmetricKey(data: Data(secret.utf8))))
                .map { String(format: "%02x", $0) }.joined()
            #expect(received.signature == expected)
            let forged = "sha256=" + Array(HMAC<SHA256>.authenticationCode(for: Data(received.body.utf8), using: SymmetricKey(data: Data("not-the-secret".utf8))))
                .map { String(format: "%02x", $0) }.joined()
            #expect(received.signature != forged)
            #expect(received.contentType == "application/json")
            let stale = try #require(try await fixture.hub.events(type: "controller_stale").first)
            #expect(received.eventID == "\(stale.id)")
            // The body is the event exactly as the admin API lists it.
            let listing = try await fixture.hub.withClient { client in
                try await client.send(.get, "/api/v1/admin/events?customer_id=acme", key: TestHub.globalKey)
            }
            #expect(listing.body.contains(received.body), "\(received.body) is not an element of \(listing.body)")
            let sent = try JSONSerialization.jsonObject(with: Data(received.body.utf8)) as? [String: Any]
            #expect(sent?["type"] as? String == "controller_stale")
            #expect(sent?["customer_id"] as? String == "acme")
            #expect(try await fixture.outbox(eventID: stale.id)?.status == "delivered")
        }
    }

    @Test func a500IsRetriedAfterTheBackoffThenDelivered() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            receiver.script("/hook", [500])
            let event = try await fixture.emit("acme")

            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.map(\.status) == [500])
            let waiting = try #require(try await fixture.outbox(eventID: event.id))
            #expect(waiting.status == "pending")
            #expect(waiting.attempts == 1)
            #expect(waiting.lastError == "the receiver answered 500")
            #expect(waiting.nextAttemptAt > Timestamp.format(fixture.hub.clock.now()))

            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.count == 1, "retried before the backoff ran out")

            try await fixture.advanceToNextAttempt(of: event.id)
            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.map(\.status) == [500, 200])
            #expect(receiver.answered.map(\.eventID) == ["\(event.id)", "\(event.id)"])
            #expect(try await fixture.outbox(eventID: event.id)?.status == "delivered")
        }
    }

    @Test func aCustomersEventsArriveInOrderAndWaitBehindAFailure() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            receiver.script("/hook", [503])
            let first = try await fixture.emit("acme", type: "deadline_warning")
            let second = try await fixture.emit("acme", type: "deadline_passed")
            let third = try await fixture.emit("acme", type: "customer_blocked")

            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.map(\.eventID) == ["\(first.id)"], "later events went ahead of a failed one")

            try await fixture.advanceToNextAttempt(of: first.id)
            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.map(\.eventID) == ["\(first.id)", "\(first.id)", "\(second.id)", "\(third.id)"])
            #expect(receiver.answered.map(\.status) == [503, 200, 200, 200])
            #expect(try await fixture.outbox().map(\.status) == ["delivered", "delivered", "delivered"])
        }
    }

    @Test func aRestartMidBackoffDeliversExactlyOnce() async throws {
        try await WebhookReceiver.with { receiver in
            let clock = ManualClock()
            let before = try await WebhookFixture.make(clock: clock)
            try await before.addCustomer("acme")
            _ = try await before.setWebhook("acme", to: receiver.url("/hook"))
            receiver.script("/hook", [500])
            let event = try await before.emit("acme")

            // The hub's own service loop makes the first attempt; then the hub stops.
            let dispatcher = try before.dispatcher
            let running = Task { try await dispatcher.run() }
            try await eventually("the first attempt to be recorded") { try await before.outbox(eventID: event.id)?.attempts == 1 }
            #expect(receiver.answered.map(\.status) == [500])
            running.cancel()
            _ = await running.result
            try before.hub.runtime.close()

            let after = try await WebhookFixture.make(directory: before.hub.directory, clock: clock)
            #expect(try await after.outbox(eventID: event.id)?.status == "pending")
            try await after.dispatcher.deliverDue()
            #expect(receiver.answered.count == 1, "the restarted hub ignored the backoff")

            try await after.advanceToNextAttempt(of: event.id)
            try await after.dispatcher.deliverDue()
            try await after.dispatcher.deliverDue()
            after.hub.clock.advance(by: 86_400)
            try await after.dispatcher.deliverDue()
            #expect(receiver.answered.map(\.status) == [500, 200])
            #expect(receiver.answered.filter { $0.status == 200 && $0.eventID == "\(event.id)" }.count == 1)
            #expect(try await after.outbox(eventID: event.id)?.status == "delivered")
            withExtendedLifetime(before) {}
        }
    }

    @Test func aDeliveryIsGivenUpAfterTheDeadlineAndRecordedForTheOperator() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make(giveUpAfter: 600)
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            receiver.script("/hook", Array(repeating: 500, count: 100))
            let event = try await fixture.emit("acme")
            let queuedAt = fixture.hub.clock.now()

            for _ in 0..<50 {
                try await fixture.dispatcher.deliverDue()
                guard try await fixture.outbox(eventID: event.id)?.status == "pending" else { break }
                try await fixture.advanceToNextAttempt(of: event.id)
            }

            let row = try #require(try await fixture.outbox(eventID: event.id))
            #expect(row.status == "failed")
            #expect(row.attempts == receiver.answered.count)
            #expect(row.attempts >= 5, "backoff from 5 s should give several tries in 10 minutes")
            #expect(fixture.hub.clock.now().timeIntervalSince(queuedAt) <= 600, "kept trying past the deadline")

            let listing = try await fixture.hub.withClient { client in
                try await client.send(.get, "/api/v1/admin/events?type=notification_failed", key: TestHub.globalKey)
            }
            #expect(listing.status == 200)
            let failures = try #require(listing.json["events"] as? [[String: Any]])
            #expect(failures.count == 1)
            #expect(failures.first?["customer_id"] as? String == "acme")
            #expect(failures.first?["subject"] as? String == "\(event.id)")
            let payload = try #require(failures.first?["payload"] as? [String: Any])
            #expect(payload["event_id"] as? Int == Int(event.id))
            #expect(payload["event_type"] as? String == "deadline_warning")
            #expect(payload["attempts"] as? Int == row.attempts)
            #expect(payload["last_error"] as? String == "the receiver answered 500")

            // notification_failed is for the operator: never queued, never sent.
            try await fixture.dispatcher.deliverDue()
            #expect(try await fixture.outbox().map(\.eventType) == ["deadline_warning"])
            #expect(!receiver.answered.contains { $0.body.contains("notification_failed") })
        }
    }

    @Test func aHungReceiverForOneCustomerDoesNotHoldUpAnother() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            let slowKey = try await fixture.addCustomer("slow")
            try await fixture.addCustomer("quick")
            _ = try await fixture.setWebhook("slow", to: receiver.url("/slow"))
            _ = try await fixture.setWebhook("quick", to: receiver.url("/quick"))
            let gate = receiver.hold("/slow")
            // Opened on every way out, so a failed expectation does not leave a request hanging.
            defer { gate.open() }
            let slowEvent = try await fixture.emit("slow")
            let quickEvent = try await fixture.emit("quick")

            // Long enough that the held request cannot time out while the test looks.
            let dispatcher = try fixture.dispatcher(timeout: .seconds(300))
            let delivering = Task { try await dispatcher.deliverDue() }
            try await eventually("the quick customer's delivery") { receiver.answered.contains { $0.path == "/quick" } }
            try await eventually("the slow customer's request to arrive") { receiver.arrived.contains("/slow") }
            #expect(!receiver.answered.contains { $0.path == "/slow" }, "the slow receiver was meant to be still holding")
            #expect(try await fixture.outbox(eventID: slowEvent.id)?.attempts == 0, "the quick customer waited for the slow one's attempt to end")
            // Ingest is not held up either.
            let report = try await fixture.hub.withClient { client in
                try await client.send(.post, "/api/v1/report", key: slowKey, json: ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2"])
            }
            #expect(report.status == 200)

            gate.open()
            try await delivering.value
            #expect(try await fixture.outbox(eventID: quickEvent.id)?.status == "delivered")
            #expect(try await fixture.outbox(eventID: slowEvent.id)?.status == "delivered")
        }
    }

    @Test func customersWithoutAWebhookGetNothingQueued() async throws {
        let fixture = try await WebhookFixture.make()
        try await fixture.addCustomer("acme")
        try await fixture.emit("acme")
        #expect(try await fixture.outbox().isEmpty)
    }

    @Test func eventsRecordedTogetherAreQueuedForTheCustomersWithAWebhookOnly() async throws {
        let fixture = try await WebhookFixture.make()
        for customer in ["acme", "globex", "initech"] { try await fixture.addCustomer(customer) }
        _ = try await fixture.setWebhook("acme", to: "http://127.0.0.1:9/hook")
        _ = try await fixture.setWebhook("initech", to: "http://127.0.0.1:9/hook")
        let events = try await fixture.hub.database.write { db in
            try fixture.hub.runtime.events.record(["acme", "globex", "initech", "acme"].map {
                EventDraft(customerID: $0, type: "deadline_warning", subject: $0)
            }, in: db)
        }
        let queued = try await fixture.outbox().map(\.eventID)
        #expect(queued == [events[0].id, events[2].id, events[3].id])
    }

    @Test func anEventRolledBackQueuesNothing() async throws {
        let fixture = try await WebhookFixture.make()
        try await fixture.addCustomer("acme")
        _ = try await fixture.setWebhook("acme", to: "http://127.0.0.1:9/hook")
        struct Abort: Error {}
        await #expect(throws: Abort.self) {
            try await fixture.hub.database.write { db in
                try fixture.hub.runtime.events.record(EventDraft(customerID: "acme", type: "deadline_warning", subject: "acme"), in: db)
                throw Abort()
            }
        }
        #expect(try await fixture.outbox().isEmpty)
    }

    @Test func removingTheWebhookCancelsWhatWaits() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            receiver.script("/hook", [500])
            let event = try await fixture.emit("acme")
            try await fixture.dispatcher.deliverDue()
            let cleared = try await fixture.hub.withClient { client in
                try await client.send(.patch, "/api/v1/admin/customers/acme", key: TestHub.globalKey, body: #"{"webhook_url": null}"#)
            }
            #expect(cleared.status == 200)
            try await fixture.advanceToNextAttempt(of: event.id)
            try await fixture.dispatcher.deliverDue()
            #expect(receiver.answered.count == 1)
            #expect(try await fixture.outbox(eventID: event.id)?.status == "cancelled")
        }
    }

    @Test func theTargetIsCheckedAgainWhenDelivering() async throws {
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            _ = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            let event = try await fixture.emit("acme")
            try await fixture.allowPrivateTargets(false)

            try await fixture.dispatcher.deliverDue()
            #expect(receiver.arrived.isEmpty, "a loopback target was called with the flag off")
            let row = try #require(try await fixture.outbox(eventID: event.id))
            #expect(row.status == "pending")
            #expect(row.attempts == 1)
            #expect(row.lastError?.contains("refused") == true)
        }
    }
}
