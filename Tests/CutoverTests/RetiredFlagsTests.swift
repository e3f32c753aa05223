import Foundation
import HubTestSupport
import Kernel
import Testing

/// The provisional paths of host-ingest (the operator's host mint, the global key on the
/// heartbeat) are retired by the cutover: off, and no switch brings them back — not the
/// admin API, not `HUB_FLAGS`, not `hub flags set`.
@Suite struct RetiredFlagsTests {
    static let retired = ["admin_mint", "global_key_bootstrap"]

    private func flagStates(_ fixture: CutoverFixture) async throws -> [String: [String: Any]] {
        let reply = try await fixture.admin(.get, "/api/v1/admin/flags")
        #expect(reply.status == 200)
        return (reply.json["flags"] as? [[String: Any]] ?? []).reduce(into: [:]) { $0[$1["name"] as? String ?? ""] = $1 }
    }

    @Test func theRetiredFlagsShowOffAndCannotBeSet() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let states = try await flagStates(fixture)
        for name in Self.retired {
            #expect(states[name]?["enabled"] as? Bool == false, "\(name)")
            #expect(states[name]?["source"] as? String == "retired", "\(name)")
            for enabled in [true, false] {
                let reply = try await fixture.admin(.put, "/api/v1/admin/flags/\(name)", ["enabled": enabled])
                #expect(reply.status == 409, "\(name) \(enabled): \(reply.body)")
                #expect(reply.errorCode == "flag_retired", "\(name) \(enabled)")
            }
        }
        #expect(try await fixture.hub.count("kernel_flag_audit") == 0)
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"]).status == 404)
    }

    /// An override left in the environment from before the cutover changes nothing.
    @Test func anOverrideInTheEnvironmentDoesNotBringThemBack() async throws {
        let hub = try await TestHub(
            slices: CutoverFixture.slices, enabled: CutoverFixture.all, flags: ["admin_mint": true, "global_key_bootstrap": true]
        )
        let fixture = CutoverFixture(hub: hub)
        try await fixture.addCustomer("acme")
        let states = try await flagStates(fixture)
        #expect(Self.retired.map { states[$0]?["enabled"] as? Bool } == [false, false])
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"]).status == 404)

        let host = try await fixture.addHost(customer: "acme")
        let global = try await fixture.send(
            .post, "/api/v1/host-report", key: TestHub.globalKey, json: CutoverFixture.hostReport(hostID: host.id, guests: [101: "1.4.2"])
        )
        #expect(global.status == 401)
        #expect(global.errorCode == "unauthorized")
        #expect(try await fixture.hub.count("host_reports", where: "host_id = ?", [host.id]) == 1)
    }

    @Test func hubFlagsSetRefusesARetiredFlag() async throws {
        let fixture = try await CutoverFixture.cutOver()
        let outcome = try await ExternalProcess.hub(
            ["flags", "set", "admin_mint", "on"], dataDirectory: fixture.hub.directory,
            environment: ["HUB_SLICES": CutoverFixture.all.joined(separator: ","), "HUB_GLOBAL_API_KEY": TestHub.globalKey]
        )
        #expect(outcome.status != 0, "\(outcome)")
        #expect(outcome.stderr.contains("retired"), "\(outcome.stderr)")
        #expect(try await flagStates(fixture)["admin_mint"]?["enabled"] as? Bool == false)
        #expect(try await fixture.hub.count("kernel_flag_audit") == 0)
    }
}
