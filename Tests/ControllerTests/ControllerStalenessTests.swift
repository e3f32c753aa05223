import ControllerSlice
import Foundation
import HubTestSupport
import HummingbirdTesting
import Kernel
import Testing

@Suite struct ControllerStalenessTests {
    func report(_ key: String, in hub: ControllerHub) async throws {
        let status = try await hub.withClient { client in
            try await client.execute(uri: "/api/v1/report", method: .post, headers: bearer(key), body: body(reportBody(nil))).status
        }
        #expect(status == .ok)
    }

    @Test func silentControllerGoesStaleThenDownThenRecovers() async throws {
        try await withControllerHub { hub in
            let key = try await hub.createCustomer("acme")
            try await report(key, in: hub)

            await hub.hub.ticker.tick()
            #expect(try await hub.events().isEmpty)

            hub.clock.advance(by: 1799)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().isEmpty)

            hub.clock.advance(by: 1)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().map(\.type) == ["controller_stale"])

            hub.clock.advance(by: 1800)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().map(\.type) == ["controller_stale", "controller_down"])

            await hub.hub.ticker.tick()
            #expect(try await hub.events().count == 2)

            try await report(key, in: hub)
            await hub.hub.ticker.tick()
            let events = try await hub.events()
            #expect(events.map(\.type) == ["controller_stale", "controller_down", "controller_recovered"])
            #expect(events.allSatisfy { $0.customerID == "acme" && $0.subject == "acme" })
            #expect(events[0].payload["last_seen_at"] == .string(Timestamp.format(start)))
        }
    }

    @Test func customerThatNeverReportedIsNotStale() async throws {
        try await withControllerHub { hub in
            _ = try await hub.createCustomer("acme")
            hub.clock.advance(by: 10 * 3600)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().isEmpty)
        }
    }

    @Test func thresholdsComeFromTheConfiguration() async throws {
        try await withControllerHub(staleAfter: 60, downAfter: 120) { hub in
            let key = try await hub.createCustomer("acme")
            try await report(key, in: hub)
            hub.clock.advance(by: 60)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().map(\.type) == ["controller_stale"])
            hub.clock.advance(by: 60)
            await hub.hub.ticker.tick()
            #expect(try await hub.events().map(\.type) == ["controller_stale", "controller_down"])
        }
    }

    @Test func eachCustomerIsWatchedOnItsOwn() async throws {
        try await withControllerHub { hub in
            let acme = try await hub.createCustomer("acme")
            let globex = try await hub.createCustomer("globex")
            try await report(acme, in: hub)
            hub.clock.advance(by: 1000)
            try await report(globex, in: hub)
            hub.clock.advance(by: 1000)
            await hub.hub.ticker.tick()
            let events = try await hub.events()
            #expect(events.map(\.customerID) == ["acme"])
            #expect(events.map(\.type) == ["controller_stale"])
        }
    }
}
