import ControllerSlice
import Foundation
import HTTPTypes
import HostIngestSlice
import HubTestSupport
import Kernel
import SignedOpsSlice

/// A hub with the controller, host-ingest and signed-ops slices, a customer `acme`, and
/// helpers to mint hosts, report guests, set desired state and issue ops.
struct SignedOpsFixture {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice, SignedOpsSlice.slice]
    let hub: TestHub

    static func make(customers: [String] = ["acme"], flags: [String: Bool] = [:], enabled: [String]? = nil) async throws -> SignedOpsFixture {
        let hub = try await TestHub(slices: slices, enabled: enabled, flags: flags)
        try await hub.withClient { client in
            for customer in customers {
                let reply = try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": customer])
                guard reply.status == 201 else { throw FixtureFailure("customer \(customer): \(reply.status) \(reply.body)") }
            }
        }
        return SignedOpsFixture(hub: hub)
    }

    struct Host: Sendable {
        let id: String
        let key: String
    }

    /// Mints a host and has it report guests 101 and 102.
    func host(customer: String = "acme") async throws -> Host {
        let host = try await hub.withClient { client in
            let reply = try await client.send(.post, "/api/v1/admin/hosts", key: TestHub.globalKey, json: ["customer_id": customer])
            return Host(id: reply.json["host_id"] as? String ?? "", key: reply.json["api_key"] as? String ?? "")
        }
        let report = try await self.report(host)
        guard report.status == 200 else { throw FixtureFailure("report: \(report.status) \(report.body)") }
        return host
    }

    /// A host report (agent protocol §4) with guests 101 and 102; answers the envelope.
    func report(_ host: Host) async throws -> HubClient.Reply {
        let body: [String: Any] = [
            "host_id": host.id, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.3.1",
            "host": ["hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0],
            "guests": [
                ["vmid": 101, "name": "felhom-ctl", "status": "running"],
                ["vmid": 102, "name": "media", "status": "stopped"],
            ],
        ]
        let text = try JSONText.encode(body)
        return try await hub.withClient { client in try await client.send(.post, "/api/v1/host-report", key: host.key, body: text) }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, key: String? = TestHub.globalKey, json: Any? = nil) async throws -> HubClient.Reply {
        let body = try json.map { try JSONText.encode($0) }
        return try await hub.withClient { client in
            try await client.send(method, path, key: key, body: body)
        }
    }

    /// `POST /api/v1/admin/hosts/{host_id}/ops`.
    func issue(_ hostID: String, type: String = "reboot_host", args: [String: Any] = [:], ttl: Int? = nil) async throws -> HubClient.Reply {
        var body: [String: Any] = ["type": type, "args": args]
        if let ttl { body["ttl_seconds"] = ttl }
        return try await send(.post, "/api/v1/admin/hosts/\(hostID)/ops", json: body)
    }

    /// `PUT /api/v1/admin/hosts/{host_id}/desired` with a body given as text, so tests
    /// control key order and spacing.
    func putDesired(_ hostID: String, _ bodyText: String) async throws -> HubClient.Reply {
        try await hub.withClient { client in
            try await client.send(.put, "/api/v1/admin/hosts/\(hostID)/desired", key: TestHub.globalKey, body: bodyText)
        }
    }

    /// The envelopes of `GET /api/v1/host-ops`.
    func pendingOps(_ host: Host) async throws -> [[String: Any]] {
        let reply = try await send(.get, "/api/v1/host-ops", key: host.key)
        return reply.json["ops"] as? [[String: Any]] ?? []
    }

    /// `GET /api/v1/ops/keys`.
    func publishedKeys() async throws -> [[String: Any]] {
        try await send(.get, "/api/v1/ops/keys", key: nil).json["keys"] as? [[String: Any]] ?? []
    }

    func result(_ host: Host, opID: String, status: String = "succeeded", output: String = "done") async throws -> HubClient.Reply {
        try await send(.post, "/api/v1/host-ops/\(opID)/result", key: host.key, json: ["status": status, "output": output])
    }

    /// Sets the `signed_ops` cohort through the admin API.
    func cohort(_ customers: [String]) async throws {
        let reply = try await send(.put, "/api/v1/admin/flags/signed_ops", json: ["enabled": true, "customers": customers])
        guard reply.status == 200 else { throw FixtureFailure("flag: \(reply.status) \(reply.body)") }
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
