import Foundation
import HubTestSupport
import Kernel
import Testing

/// After the cutover one checker watches the whole fleet: hosts by their heartbeats,
/// controller guests by their reports. A controller's open state crosses the cutover with
/// it, so an operator is neither told twice that it is stale nor left without the news
/// that it is down or back.
@Suite struct FleetStalenessTests {
    /// The dead-man's-switch events of one kind of subject (`guest`, `host`,
    /// `controller`), oldest first; `host_enrolled` and the like are left out.
    private func types(_ fixture: CutoverFixture, _ kind: String) async throws -> [String] {
        let transitions = ["stale", "down", "recovered"].map { "\(kind)_\($0)" }
        return try await fixture.hub.events().map(\.type).filter(transitions.contains)
    }

    /// Two ticks every time: a transition must be emitted once, not once per tick.
    private func tickTwice(_ fixture: CutoverFixture) async {
        await fixture.hub.hub.ticker.tick()
        await fixture.hub.hub.ticker.tick()
    }

    @Test func guestsAndHostsEachGoStaleDownAndRecoverOnce() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        // Guest 102 runs no controller and never reports: it is never watched.
        let host = try await fixture.addHost(customer: "acme", guests: [101: "1.4.2", 102: nil])
        let guestID = "\(host.id)/101"
        let key = try await fixture.guestKey(guestID)
        #expect(try await fixture.controllerReport(key: key).status == 200)

        fixture.hub.clock.advance(by: 1799)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest").isEmpty)
        #expect(try await types(fixture, "host").isEmpty)

        fixture.hub.clock.advance(by: 1)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_stale"])
        #expect(try await types(fixture, "host") == ["host_stale"])

        fixture.hub.clock.advance(by: 1800)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_stale", "guest_down"])
        #expect(try await types(fixture, "host") == ["host_stale", "host_down"])

        #expect(try await fixture.controllerReport(key: key).status == 200)
        #expect(try await fixture.hostReport(host).status == 200)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_stale", "guest_down", "guest_recovered"])
        #expect(try await types(fixture, "host") == ["host_stale", "host_down", "host_recovered"])

        let guestEvents = try await fixture.hub.events().filter { $0.type.hasPrefix("guest_") }
        #expect(guestEvents.allSatisfy { $0.subject == guestID && $0.customerID == "acme" })
        #expect(try await types(fixture, "controller").isEmpty)
    }

    /// The customers' controllers report as guests now; the controller's own checker is
    /// gone, so their customers' silence raises nothing under the old names.
    @Test func noControllerEventIsEverEmittedAfterTheCutover() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        try await fixture.addCustomer("globex")
        let host = try await fixture.addHost(customer: "acme")
        _ = try await fixture.addHost(customer: "globex")
        #expect(try await fixture.controllerReport(key: try await fixture.guestKey("\(host.id)/101")).status == 200)

        let names = fixture.hub.hub.ticker.checkers.map(\.name)
        #expect(names.contains("staleness"))
        #expect(!names.contains("controller_staleness") && !names.contains("host_staleness"), "\(names)")

        for _ in 0..<8 {
            fixture.hub.clock.advance(by: 1800)
            await fixture.hub.hub.ticker.tick()
        }
        #expect(try await types(fixture, "controller").isEmpty)
        #expect(try await types(fixture, "guest") == ["guest_stale", "guest_down"])
    }

    @Test func aGuestOfARevokedHostIsNotWatched() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        #expect(try await fixture.controllerReport(key: try await fixture.guestKey("\(host.id)/101")).status == 200)
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/revoke").status == 200)

        fixture.hub.clock.advance(by: 4 * 3600)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest").isEmpty)
    }

    // MARK: A controller's state carried across the cutover

    /// A legacy hub whose controller (customer `acme`, one controller guest 101) reported
    /// once and went stale: `controller_stale` was emitted.
    private func staleLegacyController() async throws -> (legacy: CutoverFixture, hostID: String) {
        let legacy = try await CutoverFixture.legacyHub()
        let customerKey = try await legacy.addCustomer("acme")
        let host = try await legacy.addHost(customer: "acme")
        #expect(try await legacy.controllerReport(key: customerKey).status == 200)
        legacy.hub.clock.advance(by: 1800)
        await legacy.hub.hub.ticker.tick()
        #expect(try await legacy.hub.events(type: "controller_stale").count == 1)
        #expect(try await legacy.hub.events(type: "host_stale").count == 1)
        return (legacy, host.id)
    }

    /// What an operator does: `hub migrate --allow-destructive` on the legacy hub's folder,
    /// then `hub serve` with the cutover slice, on the same clock.
    private func cutOver(_ legacy: CutoverFixture) async throws -> CutoverFixture {
        try legacy.hub.runtime.close()
        var configuration = HubConfiguration(dataDirectory: legacy.hub.directory, globalAPIKey: TestHub.globalKey, sliceNames: CutoverFixture.all)
        configuration.databaseAddress = TestDatabase.address(of: legacy.hub.directory)
        let runtime = try await HubRuntime(
            configuration: configuration,
            resolver: SliceResolver(catalogue: CutoverFixture.slices), version: "test", clock: legacy.hub.clock, logger: LogCapture().logger
        )
        _ = try await runtime.migrator.migrate(allowDestructive: true)
        try runtime.close()
        return try await CutoverFixture.cutOver(directory: legacy.hub.directory, clock: legacy.hub.clock)
    }

    @Test func aControllerStaleBeforeTheCutoverGoesDownAndRecoversAsItsGuest() async throws {
        let (legacy, hostID) = try await staleLegacyController()
        let fixture = try await cutOver(legacy)

        // Already stale, and told so before the cutover: not told again. The host, silent
        // as long, keeps its own state across the cutover just the same.
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest").isEmpty)
        #expect(try await types(fixture, "host") == ["host_stale"])

        fixture.hub.clock.advance(by: 1800)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_down"])
        #expect(try await types(fixture, "host") == ["host_stale", "host_down"])
        let down = try #require(try await fixture.hub.events(type: "guest_down").first)
        #expect(down.subject == "\(hostID)/101" && down.customerID == "acme")

        let key = try await fixture.guestKey("\(hostID)/101")
        #expect(try await fixture.controllerReport(key: key).status == 200)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_down", "guest_recovered"])
        // The one controller event is the legacy hub's.
        #expect(try await types(fixture, "controller") == ["controller_stale"])
        withExtendedLifetime(legacy) {}
    }

    @Test func aControllerStaleBeforeTheCutoverThatReportsRightAfterItRecovers() async throws {
        let (legacy, hostID) = try await staleLegacyController()
        let fixture = try await cutOver(legacy)

        let key = try await fixture.guestKey("\(hostID)/101")
        #expect(try await fixture.controllerReport(key: key).status == 200)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_recovered"])

        // From then on it is an ordinary guest: stale again after a fresh silence.
        fixture.hub.clock.advance(by: 1799)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_recovered"])
        fixture.hub.clock.advance(by: 1)
        await tickTwice(fixture)
        #expect(try await types(fixture, "guest") == ["guest_recovered", "guest_stale"])
        withExtendedLifetime(legacy) {}
    }
}
