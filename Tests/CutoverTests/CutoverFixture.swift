import ControllerSlice
import CutoverSlice
import EnrollmentSlice
import Foundation
import HTTPTypes
import HostIngestSlice
import HubTestSupport
import Kernel
import SignedOpsSlice

/// Hubs before and after the cutover, and what tests do to them: customers, hosts that
/// report controller guests, controller reports, guest keys.
struct CutoverFixture {
    static let slices = [ControllerSlice.slice, HostIngestSlice.slice, SignedOpsSlice.slice, EnrollmentSlice.slice, CutoverSlice.slice]
    /// The slices of a hub before the cutover: everything but the cutover itself.
    static let legacy = ["controller", "host-ingest", "signed-ops", "enrollment"]
    static let all = legacy + ["cutover"]

    let hub: TestHub

    /// A hub before the cutover (the provisional mint switched on for seeding hosts).
    static func legacyHub(directory: URL? = nil, clock: ManualClock = ManualClock()) async throws -> CutoverFixture {
        CutoverFixture(hub: try await TestHub(
            slices: slices, enabled: legacy, directory: directory, clock: clock, flags: ["admin_mint": true, "global_key_bootstrap": true]
        ))
    }

    /// A hub with the cutover applied: on an empty folder, where the destructive
    /// migration has nothing to lose and runs at the first start, or on `directory`
    /// after `hub migrate --allow-destructive`.
    static func cutOver(directory: URL? = nil, clock: ManualClock = ManualClock()) async throws -> CutoverFixture {
        CutoverFixture(hub: try await TestHub(slices: slices, enabled: all, directory: directory, clock: clock))
    }

    func send(_ method: HTTPRequest.Method, _ path: String, key: String?, json: [String: Any]? = nil) async throws -> HubClient.Reply {
        let text = try json.map(JSONText.encode)
        return try await hub.withClient { client in try await client.send(method, path, key: key, body: text) }
    }

    func admin(_ method: HTTPRequest.Method, _ path: String, _ json: [String: Any]? = nil) async throws -> HubClient.Reply {
        try await send(method, path, key: TestHub.globalKey, json: json)
    }

    /// Creates a customer; answers its key.
    @discardableResult
    func addCustomer(_ id: String) async throws -> String {
        let reply = try await admin(.post, "/api/v1/admin/customers", ["customer_id": id])
        guard reply.status == 201, let key = reply.json["api_key"] as? String else { throw Unexpected(reply) }
        return key
    }

    /// A host for `customer` through its own code path (before the cutover, the operator's
    /// mint; after it, an enrollment token), reporting `guests` (vmid → controller
    /// version or nil). Answers the host's id and key.
    func addHost(customer: String, guests: [Int: String?] = [101: "1.4.2"]) async throws -> (id: String, key: String) {
        let host: (id: String, key: String)
        let minted = try await admin(.post, "/api/v1/admin/hosts", ["customer_id": customer])
        if minted.status == 201, let id = minted.json["host_id"] as? String, let key = minted.json["api_key"] as? String {
            host = (id, key)
        } else {
            let token = try await admin(.post, "/api/v1/admin/enrollment-tokens", ["customer_id": customer])
            let enrolled = try await send(.post, "/api/v1/enroll", key: nil, json: [
                "token": token.json["token"] as? String ?? "", "hostname": "pve", "agent_version": "0.4.0",
            ])
            guard enrolled.status == 201, let id = enrolled.json["host_id"] as? String, let key = enrolled.json["api_key"] as? String else {
                throw Unexpected(enrolled)
            }
            host = (id, key)
        }
        let reply = try await hostReport(host, guests: guests)
        guard reply.status == 200 else { throw Unexpected(reply) }
        return host
    }

    func hostReport(_ host: (id: String, key: String), guests: [Int: String?] = [101: "1.4.2"]) async throws -> HubClient.Reply {
        try await send(.post, "/api/v1/host-report", key: host.key, json: Self.hostReport(hostID: host.id, guests: guests))
    }

    static func hostReport(hostID: String, guests: [Int: String?]) -> [String: Any] {
        [
            "host_id": hostID, "reported_at": "2026-06-08T10:00:00Z", "agent_version": "0.4.0",
            "host": ["hostname": "pve1", "cpu_percent": 12.5, "mem_percent": 40.1, "disk_percent": 63.0],
            "guests": guests.sorted { $0.key < $1.key }.map { vmid, version -> [String: Any] in
                ["vmid": vmid, "name": "guest-\(vmid)", "status": "running", "controller_version": version.map { $0 as Any } ?? NSNull()]
            },
        ]
    }

    /// A controller report body.
    static func controllerReport(customer: String? = nil, version: String = "1.4.2") -> [String: Any] {
        var body: [String: Any] = ["reported_at": "2026-06-08T10:00:00Z", "controller_version": version, "hostname": "felhom-ctl"]
        body["customer_id"] = customer
        return body
    }

    func controllerReport(key: String, customer: String? = nil) async throws -> HubClient.Reply {
        try await send(.post, "/api/v1/report", key: key, json: Self.controllerReport(customer: customer))
    }

    /// Mints a guest key through the admin API.
    func guestKey(_ guestID: String) async throws -> String {
        let reply = try await admin(.post, "/api/v1/admin/guests/\(Self.encoded(guestID))/key")
        guard reply.status == 201, let key = reply.json["api_key"] as? String else { throw Unexpected(reply) }
        return key
    }

    /// A guest id as a path parameter: its `/` percent-encoded.
    static func encoded(_ guestID: String) -> String {
        guestID.replacingOccurrences(of: "/", with: "%2F")
    }

    struct Unexpected: Error, CustomStringConvertible {
        let reply: HubClient.Reply
        init(_ reply: HubClient.Reply) { self.reply = reply }
        var description: String { "unexpected answer \(reply.status): \(reply.body)" }
    }
}
