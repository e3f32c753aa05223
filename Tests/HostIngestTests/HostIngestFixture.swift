import ControllerSlice
import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel

/// A hub with the controller and host-ingest slices, a customer and helpers to mint
/// hosts and build reports.
struct HostIngestFixture {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice]
    let hub: TestHub
    let customerKey: String

    static func make(
        customer: String = "acme", flags: [String: Bool] = [:], extraSlices: [Slice] = [],
        configure: (inout HubConfiguration) -> Void = { _ in }
    ) async throws -> HostIngestFixture {
        let hub = try await TestHub(slices: slices + extraSlices, flags: flags, configure: configure)
        let key = try await hub.withClient { client in
            let reply = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": customer])
            return reply.json["api_key"] as? String ?? ""
        }
        return HostIngestFixture(hub: hub, customerKey: key)
    }

    /// Mints a host through the admin API; answers its id and key.
    func mintHost(customer: String = "acme") async throws -> (id: String, key: String) {
        try await hub.withClient { client in
            let reply = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": customer])
            return (reply.json["host_id"] as? String ?? "", reply.json["api_key"] as? String ?? "")
        }
    }

    /// The contract's example report (agent protocol §4) for `hostID`.
    static func report(hostID: String) -> [String: Any] {
        [
            "host_id": hostID,
            "reported_at": "2026-06-08T10:00:00Z",
            "agent_version": "0.3.1",
            "host": [
                "hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0,
                "uptime_seconds": 123456, "pve_version": "8.2.4", "kernel": "6.8.12-1-pve",
            ],
            "guests": [
                ["vmid": 101, "name": "felhom-ctl", "status": "running", "controller_version": "1.4.2", "spec": ["cores": 2, "memory_mb": 2048]],
                ["vmid": 102, "name": "media", "status": "stopped", "controller_version": NSNull()],
            ],
            "cloudflared": ["status": "connected"],
            "storage_targets": [], "backups": [], "restore_tests": [], "pbs_snapshots": [], "audit_tail": [],
        ]
    }

    func sendReport(_ body: [String: Any], key: String) async throws -> HubClient.Reply {
        try await sendRaw(try JSONText.encode(body), key: key)
    }

    func sendRaw(_ body: String, key: String) async throws -> HubClient.Reply {
        try await hub.withClient { client in try await client.send(.post, "/api/v1/host-report", key: key, body: body) }
    }
}
