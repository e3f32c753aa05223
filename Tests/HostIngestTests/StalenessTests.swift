import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct StalenessTests {
    @Test func freshStartEmitsNothing() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        await fixture.hub.hub.ticker.tick()
        fixture.hub.clock.advance(by: 1799)
        await fixture.hub.hub.ticker.tick()
        #expect(try await fixture.hub.events().filter { $0.type.hasPrefix("host_") }.isEmpty)
    }

    @Test func okStaleDownRecovered() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        fixture.hub.clock.advance(by: 1800)
        await fixture.hub.hub.ticker.tick()
        fixture.hub.clock.advance(by: 1800)
        await fixture.hub.hub.ticker.tick()
        await fixture.hub.hub.ticker.tick()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        await fixture.hub.hub.ticker.tick()
        let events = try await fixture.hub.events().filter { $0.type.hasPrefix("host_") }
        #expect(events.map(\.type) == ["host_stale", "host_down", "host_recovered"])
        #expect(events.allSatisfy { $0.customerID == "acme" && $0.subject == host.id })
    }

    @Test func thresholdsComeFromConfiguration() async throws {
        let hub = try await TestHub(slices: HostIngestFixture.slices) { $0.staleAfter = 60; $0.downAfter = 120 }
        let fixture = HostIngestFixture(hub: hub, customerKey: "")
        _ = try await hub.withClient { client in try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "acme"]) }
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        hub.clock.advance(by: 61)
        await hub.hub.ticker.tick()
        #expect(try await hub.events(type: "host_stale").count == 1)
    }

    @Test func restartBetweenTransitionsEmitsNoDuplicate() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        fixture.hub.clock.advance(by: 1900)
        await fixture.hub.hub.ticker.tick()
        let restarted = try await fixture.hub.restarted(slices: HostIngestFixture.slices)
        await restarted.hub.ticker.tick()
        #expect(try await restarted.events(type: "host_stale").count == 1)
        restarted.clock.advance(by: 1800)
        await restarted.hub.ticker.tick()
        let again = try await restarted.restarted(slices: HostIngestFixture.slices)
        await again.hub.ticker.tick()
        #expect(try await again.events().filter { $0.type.hasPrefix("host_") }.map(\.type) == ["host_stale", "host_down"])
    }
}
