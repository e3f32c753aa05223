import ControllerSlice
import EnrollmentSlice
import Foundation
import HTTPTypes
import HostIngestSlice
import HubTestSupport
import Kernel
import SignedOpsSlice
import Testing

/// A hub with every slice up to enrollment, a customer `acme`, and helpers to issue
/// tokens, enroll and report.
struct EnrollmentFixture {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice, SignedOpsSlice.slice, EnrollmentSlice.slice]
    let hub: TestHub

    static func make(
        enabled: [String]? = nil, flags: [String: Bool] = [:], settings: [String: String] = [:], directory: URL? = nil
    ) async throws -> EnrollmentFixture {
        let hub = try await TestHub(slices: slices, enabled: enabled, directory: directory, flags: flags) { configuration in
            configuration.sliceSettings.merge(settings) { $1 }
        }
        let fixture = EnrollmentFixture(hub: hub)
        _ = try await fixture.admin(.post, "/api/v1/admin/customers", ["customer_id": "acme"])
        return fixture
    }

    func admin(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil) async throws -> HubClient.Reply {
        let text = try body.map(JSONText.encode)
        return try await hub.withClient { client in try await client.send(method, path, key: TestHub.globalKey, body: text) }
    }

    /// Issues a token through the admin API; answers its id and the token.
    func issueToken(customer: String = "acme", uses: Int = 1, ttlSeconds: Int = 86_400) async throws -> (id: String, token: String) {
        let reply = try await admin(.post, "/api/v1/admin/enrollment-tokens", ["customer_id": customer, "uses": uses, "ttl_seconds": ttlSeconds])
        return (reply.json["token_id"] as? String ?? "", reply.json["token"] as? String ?? "")
    }

    func enroll(token: String, hostname: String = "pve1") async throws -> HubClient.Reply {
        try await hub.withClient { client in
            try await client.send(.post, "/api/v1/enroll", json: ["token": token, "hostname": hostname, "agent_version": "0.4.0"])
        }
    }

    func report(hostID: String, key: String) async throws -> HubClient.Reply {
        try await hub.withClient { client in
            try await client.send(.post, "/api/v1/host-report", key: key, json: Self.report(hostID: hostID))
        }
    }

    static func report(hostID: String) -> [String: Any] {
        [
            "host_id": hostID, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.4.0",
            "host": ["hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0],
            "guests": [["vmid": 101, "name": "felhom-ctl", "status": "running", "controller_version": "1.4.2"]],
        ]
    }

    /// An enrolled host that has reported once, so its key sits warm in the hub's cache.
    func reportingHost() async throws -> (id: String, key: String) {
        let token = try await issueToken()
        let enrolled = try await enroll(token: token.token)
        let host = (id: try #require(enrolled.json["host_id"] as? String), key: try #require(enrolled.json["api_key"] as? String))
        #expect(try await report(hostID: host.id, key: host.key).status == 200)
        return host
    }
}
