import ControllerSlice
import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

@Suite struct DeadlineTests {
    static let day: TimeInterval = 86_400

    func setPaidUntil(_ customerID: String, _ date: Date, in hub: ControllerHub) async throws {
        let status = try await hub.withClient { client in
            try await client.execute(
                uri: "/api/v1/admin/customers/\(customerID)", method: .patch, headers: bearer(globalKey),
                body: body(#"{"paid_until": "\#(Timestamp.format(date))"}"#)
            ).status
        }
        #expect(status == .ok)
    }

    func status(_ customerID: String, in hub: ControllerHub) async throws -> String? {
        try await hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM customer_configs WHERE customer_id = ?", arguments: [customerID])
        }
    }

    func types(_ hub: ControllerHub, customer: String? = nil) async throws -> [String] {
        try await hub.events().filter { customer == nil || $0.customerID == customer }.map(\.type)
    }

    @Test func warningSevenDaysBeforePaidUntilThenPassedAfterIt() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            try await setPaidUntil("acme", start.addingTimeInterval(10 * Self.day), in: hub)

            await hub.hub.ticker.tick()
            #expect(try await types(hub).isEmpty)

            hub.clock.advance(by: 3 * Self.day - 1)
            await hub.hub.ticker.tick()
            #expect(try await types(hub).isEmpty)

            hub.clock.advance(by: 1)
            await hub.hub.ticker.tick()
            #expect(try await types(hub) == ["deadline_warning"])

            hub.clock.advance(by: 7 * Self.day)
            await hub.hub.ticker.tick()
            let events = try await hub.events()
            #expect(events.map(\.type) == ["deadline_warning", "deadline_passed"])
            #expect(events.allSatisfy { $0.customerID == "acme" && $0.subject == "acme" })
            #expect(events[1].payload["paid_until"] == .string(Timestamp.format(start.addingTimeInterval(10 * Self.day))))
        }
    }

    @Test func passedDeadlineDoesNotBlockWhileTheFlagIsOff() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            try await setPaidUntil("acme", start.addingTimeInterval(Self.day), in: hub)
            hub.clock.advance(by: 2 * Self.day)
            await hub.hub.ticker.tick()

            #expect(try await types(hub) == ["deadline_passed"])
            #expect(try await status("acme", in: hub) == "active")
        }
    }

    @Test func passedDeadlineBlocksCustomersInTheAutoBlockCohort() async throws {
        try await withControllerHub { hub in
            let acmeKey = try await hub.createCustomer("acme")
            _ = try await hub.createCustomer("globex")
            try await setPaidUntil("acme", start.addingTimeInterval(Self.day), in: hub)
            try await setPaidUntil("globex", start.addingTimeInterval(Self.day), in: hub)
            let flagged = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/auto_block_on_deadline", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["acme"]}"#)
                ).status
            }
            #expect(flagged == .ok)

            hub.clock.advance(by: 2 * Self.day)
            await hub.hub.ticker.tick()

            #expect(try await types(hub, customer: "acme") == ["deadline_passed", "customer_blocked"])
            #expect(try await status("acme", in: hub) == "blocked")
            #expect(try await types(hub, customer: "globex") == ["deadline_passed"])
            #expect(try await status("globex", in: hub) == "active")

            await hub.hub.ticker.tick()
            hub.clock.advance(by: Self.day)
            await hub.hub.ticker.tick()
            #expect(try await types(hub).count == 3)

            let acknowledgement = try await hub.withClient { client in
                try await client.execute(uri: "/api/v1/report", method: .post, headers: bearer(acmeKey), body: body(reportBody(nil)))
            }
            #expect(try acknowledgement.json()["blocked"]?.boolValue == true)
        }
    }

    @Test func deadlineTransitionsAreNotRepeatedOnLaterTicks() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            try await setPaidUntil("acme", start.addingTimeInterval(5 * Self.day), in: hub)
            for _ in 0..<3 { await hub.hub.ticker.tick() }
            #expect(try await types(hub) == ["deadline_warning"])
            hub.clock.advance(by: 6 * Self.day)
            for _ in 0..<3 { await hub.hub.ticker.tick() }
            #expect(try await types(hub) == ["deadline_warning", "deadline_passed"])
        }
    }

    @Test func movingPaidUntilLaterEndsTheWarningSilentlyAndWarnsAgainLater() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            try await setPaidUntil("acme", start.addingTimeInterval(3 * Self.day), in: hub)
            await hub.hub.ticker.tick()
            #expect(try await types(hub) == ["deadline_warning"])

            try await setPaidUntil("acme", start.addingTimeInterval(40 * Self.day), in: hub)
            await hub.hub.ticker.tick()
            #expect(try await types(hub) == ["deadline_warning"])

            hub.clock.advance(by: 33 * Self.day)
            await hub.hub.ticker.tick()
            #expect(try await types(hub) == ["deadline_warning", "deadline_warning"])
        }
    }
}
