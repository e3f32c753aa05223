import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing
@testable import hub

/// `hub status`: the operator's one screen, and its `--json` twin.
@Suite struct StatusTests {
    /// Two customers (one blocked, one with a webhook), three hosts (ok, stale, never),
    /// one controller that reported, three events waiting in the outbox.
    static func busyHub() async throws -> WebhookFixture {
        let fixture = try await WebhookFixture.make()
        let acmeKey = try await fixture.addCustomer("acme")
        try await fixture.addCustomer("globex")
        _ = try await fixture.setWebhook("acme", to: "http://127.0.0.1:9/hook")
        try await fixture.hub.withClient { client in
            _ = try await client.send(.patch, "/api/v1/admin/customers/globex", key: TestHub.globalKey, json: ["status": "blocked"])
            var hosts: [(String, String)] = []
            for _ in 0..<3 {
                let minted = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"])
                hosts.append((minted.json["host_id"] as? String ?? "", minted.json["api_key"] as? String ?? ""))
            }
            _ = try await client.send(.post, "/api/v1/host-report", key: hosts[1].1, json: MetricsTests.report(hosts[1].0))
            fixture.hub.clock.advance(by: 1800)
            _ = try await client.send(.post, "/api/v1/host-report", key: hosts[0].1, json: MetricsTests.report(hosts[0].0))
            _ = try await client.send(
                .post, "/api/v1/report", key: acmeKey, json: ["reported_at": "2026-06-08T10:00:00Z", "controller_version": "1.4.2"]
            )
        }
        try await fixture.emit("acme", type: "deadline_warning")
        try await fixture.emit("acme", type: "deadline_passed")
        await fixture.hub.hub.ticker.tick()
        return fixture
    }

    @Test func theSummaryCountsWhatAnOperatorAsksAbout() async throws {
        let fixture = try await Self.busyHub()
        let status = try await HubStatus.gather(from: fixture.hub.runtime)
        #expect(status.section("hosts") as? StalenessCensus == StalenessCensus(ok: 1, stale: 1, down: 0, never: 1))
        #expect(status.section("controllers") as? StalenessCensus == StalenessCensus(ok: 1, stale: 0, down: 0, never: 1))
        #expect(status.section("customers") as? CustomerCounts == CustomerCounts(total: 2, active: 1, blocked: 1, withWebhook: 1))
        #expect((status.section("outbox") as? OutboxBacklog)?.pending == 3)
        #expect((status.section("outbox") as? OutboxBacklog)?.customers == 1)
        #expect(status.lastEvents.map(\.type) == ["host_stale", "deadline_passed", "deadline_warning"])
        #expect(status.slices.map(\.name) == ["controller", "host-ingest"])
        #expect(status.slices.allSatisfy { $0.enabled && $0.migrationsApplied == $0.migrations })
        #expect(status.flags.contains { $0.name == ControllerVocabulary.webhooksAllowPrivateTargets && $0.enabled })
    }

    @Test func theScreenFitsATerminalAndNamesEachArea() async throws {
        let fixture = try await Self.busyHub()
        let screen = StatusScreen.render(try await HubStatus.gather(from: fixture.hub.runtime))
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 24, "more than a screen:\n\(screen)")
        #expect(lines.contains { $0.hasPrefix("SLICES") && $0.contains("controller (3/3 migrations)") && $0.contains("host-ingest (5/5 migrations)") })
        #expect(lines.contains { $0.hasPrefix("FLAGS") && $0.contains("webhooks_allow_private_targets=on") && $0.contains("admin_mint=on") })
        #expect(lines.contains { $0.hasPrefix("CUSTOMERS") && $0.hasSuffix("2 (1 active, 1 blocked), 1 with a webhook") })
        #expect(lines.contains { $0.hasPrefix("HOSTS") && $0.hasSuffix("3: 1 ok, 1 stale, 0 down, 1 never") })
        #expect(lines.contains { $0.hasPrefix("CONTROLLERS") && $0.hasSuffix("2: 1 ok, 0 stale, 0 down, 1 never") })
        #expect(lines.contains { $0.hasPrefix("OUTBOX") && $0.contains("3 waiting for 1 customer,") })
        #expect(lines.contains { $0.hasPrefix("ID") && $0.contains("TYPE") })
        #expect(lines.contains { $0.contains("host_stale") && $0.contains("acme") })
    }

    @Test func theCommandPrintsTheScreenAndJSONForScripts() async throws {
        let fixture = try await Self.busyHub()
        let text = try await HubExecutable.run(["status"], dataDirectory: fixture.hub.directory)
        #expect(text.status == 0, "stderr: \(text.stderr)")
        // The command reads the wall clock, not the test's: the split between ok, stale
        // and down may differ, the hosts and the one that never reported do not.
        let hostsLine = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("HOSTS") }, "no HOSTS line in:\n\(text.stdout)")
        #expect(hostsLine.contains("3: ") && hostsLine.hasSuffix(", 1 never"))
        #expect(text.stdout.contains("LAST EVENTS"))

        let json = try await HubExecutable.run(["status", "--json"], dataDirectory: fixture.hub.directory)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["hosts"] as? [String: Any])?["never"] as? Int == 1)
        #expect((object["outbox"] as? [String: Any])?["pending"] as? Int == 3)
        #expect((object["customers"] as? [String: Any])?["blocked"] as? Int == 1)
        #expect((object["last_events"] as? [[String: Any]])?.first?["type"] as? String == "host_stale")
        #expect((object["slices"] as? [[String: Any]])?.count == SliceCatalogue.all.count)

        let wrong = try await HubExecutable.run(["status", "--events", "-1"], dataDirectory: fixture.hub.directory)
        #expect(wrong.status != 0)
    }
}
