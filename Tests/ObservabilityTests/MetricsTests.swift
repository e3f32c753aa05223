import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// `GET /metrics` as a Prometheus scraper sees it.
@Suite struct MetricsTests {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice]

    /// A hub with a customer, one host that reported and one that never did.
    static func hubWithTraffic(configure: @escaping (inout HubConfiguration) -> Void = { _ in }) async throws -> (TestHub, host: (id: String, key: String)) {
        let hub = try await TestHub(slices: slices, configure: configure)
        let host = try await hub.withClient { client -> (String, String) in
            _ = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "acme"])
            let minted = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"])
            _ = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": "acme"])
            return (minted.json["host_id"] as? String ?? "", minted.json["api_key"] as? String ?? "")
        }
        return (hub, (host.0, host.1))
    }

    static func report(_ hostID: String) -> [String: Any] {
        [
            "host_id": hostID, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.3.1",
            "host": ["hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0],
            "guests": [["vmid": 101, "name": "felhom-ctl", "status": "running"]],
        ]
    }

    static func scrape(_ hub: TestHub, key: String? = TestHub.globalKey) async throws -> HubClient.Reply {
        try await hub.withClient { client in try await client.send(.get, "/metrics", key: key) }
    }

    @Test func aRealParserReadsEveryMetricWithItsTypeAndCountersMove() async throws {
        let (hub, host) = try await Self.hubWithTraffic()
        let first = try await hub.withClient { client -> HubClient.Reply in
            _ = try await client.send(.post, "/api/v1/host-report", key: host.key, json: Self.report(host.id))
            _ = try await client.send(.get, "/api/v1/admin/hosts/\(host.id)", key: TestHub.globalKey)
            return try await client.send(.get, "/metrics", key: TestHub.globalKey)
        }
        #expect(first.status == 200)
        await hub.hub.ticker.tick()
        let before = try await PrometheusParser.parse(first.body)

        let expectedTypes: [String: String] = [
            "hub_http_requests": "counter",
            "hub_http_request_duration_seconds": "histogram",
            "hub_ingest_duration_seconds": "histogram",
            "hub_ingest_batch_size": "histogram",
            "hub_reports_stored": "counter",
            "hub_hosts": "gauge",
            "hub_controllers": "gauge",
            "hub_webhook_outbox_depth": "gauge",
            "hub_webhook_delivered": "counter",
            "hub_webhook_delivery_failures": "counter",
            "hub_webhook_given_up": "counter",
            "hub_database_size_bytes": "gauge",
            "hub_database_wal_size_bytes": "gauge",
        ]
        for (name, type) in expectedTypes {
            #expect(before.family(name)?.type == type, "\(name): \(before.family(name)?.type ?? "missing")")
        }
        #expect(before.value("hub_hosts", ["state": "ok"]) == 1)
        #expect(before.value("hub_hosts", ["state": "never"]) == 1)
        #expect(before.value("hub_hosts", ["state": "stale"]) == 0)
        #expect(before.value("hub_controllers", ["state": "never"]) == 1)
        #expect(before.value("hub_reports_stored_total", ["kind": "host"]) == 1)
        #expect(before.value("hub_reports_stored_total", ["kind": "controller"]) == 0)
        #expect(before.value("hub_ingest_batch_size_count") == 1)
        #expect(before.value("hub_ingest_duration_seconds_count") == 1)
        #expect((before.value("hub_database_size_bytes") ?? 0) > 0)
        #expect(before.value("hub_webhook_outbox_depth") == 0)
        // Labelled by route pattern, never by the raw path.
        #expect(before.value("hub_http_requests_total", ["route": "/api/v1/admin/hosts/{host_id}", "status": "200", "method": "GET"]) == 1)
        #expect(!first.body.contains(host.id))

        let second = try await hub.withClient { client -> HubClient.Reply in
            _ = try await client.send(.post, "/api/v1/host-report", key: host.key, json: Self.report(host.id))
            _ = try await client.send(.post, "/api/v1/host-report", key: host.key, body: "{not json")
            return try await client.send(.get, "/metrics", key: TestHub.globalKey)
        }
        let after = try await PrometheusParser.parse(second.body)
        #expect(after.value("hub_reports_stored_total", ["kind": "host"]) == 2)
        #expect(after.value("hub_http_requests_total", ["route": "/api/v1/host-report", "status": "200"]) == 2)
        #expect(after.value("hub_http_requests_total", ["route": "/api/v1/host-report", "status": "400"]) == 1)
        #expect(after.value("hub_http_requests_total", ["route": "/metrics", "status": "200"]) == 1)
        #expect(after.value("hub_ingest_batch_size_count") == 2)
        #expect(after.value("hub_tick_duration_seconds_count") == 1)
        #expect(after.family("hub_tick_duration_seconds")?.type == "histogram")
    }

    @Test func stalenessGaugesFollowTheClock() async throws {
        let (hub, host) = try await Self.hubWithTraffic()
        _ = try await hub.withClient { client in try await client.send(.post, "/api/v1/host-report", key: host.key, json: Self.report(host.id)) }
        hub.clock.advance(by: 1800)
        let stale = try await PrometheusParser.parse(try await Self.scrape(hub).body)
        #expect(stale.value("hub_hosts", ["state": "stale"]) == 1)
        #expect(stale.value("hub_hosts", ["state": "ok"]) == 0)
        hub.clock.advance(by: 1800)
        let down = try await PrometheusParser.parse(try await Self.scrape(hub).body)
        #expect(down.value("hub_hosts", ["state": "down"]) == 1)
        #expect(down.value("hub_hosts", ["state": "stale"]) == 0)
    }

    @Test func metricsNeedTheGlobalKeyUnlessMadePublic() async throws {
        let (hub, host) = try await Self.hubWithTraffic()
        #expect(try await Self.scrape(hub, key: nil).status == 401)
        let asHost = try await Self.scrape(hub, key: host.key)
        #expect(asHost.status == 403)
        #expect(asHost.errorCode == "forbidden")

        let (open, _) = try await Self.hubWithTraffic { $0.metricsPublic = true }
        let reply = try await Self.scrape(open, key: nil)
        #expect(reply.status == 200)
        #expect(reply.body.contains("# TYPE hub_hosts gauge"))
    }

    @Test func hubMetricsPublicIsReadFromTheEnvironment() throws {
        #expect(try HubConfiguration.fromEnvironment(["HUB_METRICS_PUBLIC": "1"]).metricsPublic)
        #expect(try !HubConfiguration.fromEnvironment([:]).metricsPublic)
        #expect(throws: ConfigurationError.self) { try HubConfiguration.fromEnvironment(["HUB_METRICS_PUBLIC": "yes"]) }
        let giveUp = SettingValues(try HubConfiguration.fromEnvironment(["HUB_WEBHOOK_GIVE_UP_SECONDS": "3600"]).sliceSettings)
        #expect(giveUp[ControllerSettings.giveUpAfter] == 3600)
        #expect(throws: ConfigurationError.self) { try SettingValues(["HUB_WEBHOOK_GIVE_UP_SECONDS": "0"]).check(ControllerSlice.slice.settings) }
    }

    @Test func twoHubsInOneProcessKeepTheirOwnCounts() async throws {
        let (busy, host) = try await Self.hubWithTraffic()
        let (quiet, _) = try await Self.hubWithTraffic()
        _ = try await busy.withClient { client in try await client.send(.post, "/api/v1/host-report", key: host.key, json: Self.report(host.id)) }
        let busyMetrics = try await PrometheusParser.parse(try await Self.scrape(busy).body)
        let quietMetrics = try await PrometheusParser.parse(try await Self.scrape(quiet).body)
        #expect(busyMetrics.value("hub_reports_stored_total", ["kind": "host"]) == 1)
        #expect(quietMetrics.value("hub_reports_stored_total", ["kind": "host"]) == 0)
    }
}
