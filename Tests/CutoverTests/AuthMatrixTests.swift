import Foundation
import HTTPTypes
import HubTestSupport
import Testing

/// After the cutover each agent route takes exactly one kind of key. Every route is
/// called with every kind of key (and none); a refused call must never succeed, and the
/// status it gets is pinned, because agents in the field branch on it: 401 tells an agent
/// its key is no key here, 403 that it holds a key of the wrong kind.
@Suite struct AuthMatrixTests {
    enum Holder: String, CaseIterable, Sendable {
        case guest, host, customer, global, none
    }

    enum AgentRoute: String, CaseIterable, Sendable {
        case report = "POST /api/v1/report"
        case hostReport = "POST /api/v1/host-report"
        case hostDesired = "GET /api/v1/host-desired"
        case hostOps = "GET /api/v1/host-ops"
        case opResult = "POST /api/v1/host-ops/{op_id}/result"
        case rotate = "POST /api/v1/host-key/rotate"
        case guestKey = "POST /api/v1/host-guests/{vmid}/key"
    }

    /// The status each kind of key gets on each route.
    static let expected: [AgentRoute: [Holder: Int]] = [
        // Only guest keys; the customer and global keys that used to work are no keys here.
        .report: [.guest: 200, .host: 401, .customer: 401, .global: 401, .none: 401],
        // The global key's bootstrap is retired (401); other kinds are the wrong kind (403).
        .hostReport: [.guest: 403, .host: 200, .customer: 403, .global: 401, .none: 401],
        .hostDesired: [.guest: 403, .host: 200, .customer: 403, .global: 403, .none: 401],
        .hostOps: [.guest: 403, .host: 200, .customer: 403, .global: 403, .none: 401],
        .opResult: [.guest: 403, .host: 200, .customer: 403, .global: 403, .none: 401],
        .rotate: [.guest: 403, .host: 200, .customer: 403, .global: 403, .none: 401],
        .guestKey: [.guest: 403, .host: 201, .customer: 403, .global: 403, .none: 401],
    ]

    @Test(arguments: AgentRoute.allCases)
    func everyKindOfKeyOn(_ route: AgentRoute) async throws {
        let fixture = try await CutoverFixture.cutOver()
        let customerKey = try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let guestKey = try await fixture.guestKey("\(host.id)/101")
        let keys: [Holder: String?] = [.guest: guestKey, .host: host.key, .customer: customerKey, .global: TestHub.globalKey, .none: nil]

        var path = String(route.rawValue.split(separator: " ")[1])
        var body: [String: Any]?
        switch route {
        case .report: body = CutoverFixture.controllerReport()
        case .hostReport: body = CutoverFixture.hostReport(hostID: host.id, guests: [101: "1.4.2"])
        case .opResult:
            let op = try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/ops", ["type": "reboot_host", "args": [:] as [String: Any]])
            let opID = try #require(op.json["op_id"] as? String, "\(op.body)")
            path = path.replacingOccurrences(of: "{op_id}", with: opID)
            body = ["status": "succeeded", "output": "rebooted"]
        case .guestKey: path = path.replacingOccurrences(of: "{vmid}", with: "101")
        case .hostDesired, .hostOps, .rotate: body = nil
        }
        let method: HTTPRequest.Method = route.rawValue.hasPrefix("GET") ? .get : .post
        let table = try #require(Self.expected[route])

        // Refused keys first: the accepted call may change what later calls find (it
        // closes the op, rotates the host key, replaces the guest key).
        let order = Holder.allCases.sorted { (table[$0]! >= 300 ? 0 : 1) < (table[$1]! >= 300 ? 0 : 1) }
        for holder in order {
            let want = try #require(table[holder])
            let reply = try await fixture.send(method, path, key: keys[holder]!, json: body)
            if want >= 300 {
                #expect([401, 403].contains(reply.status), "\(route.rawValue) with the \(holder) key: \(reply.status) \(reply.body)")
                #expect(reply.status == want, "\(route.rawValue) with the \(holder) key: \(reply.body)")
                #expect(reply.errorCode == (want == 401 ? "unauthorized" : "forbidden"), "\(route.rawValue) with the \(holder) key")
            } else {
                #expect(reply.status == want, "\(route.rawValue) with the \(holder) key: \(reply.body)")
            }
        }

        // A refused report is not stored: only the guest's reached the table, and only the
        // host's own heartbeat (besides the fixture's first one).
        if route == .report {
            #expect(try await fixture.hub.count("guest_reports") == 1)
        }
        if route == .hostReport {
            #expect(try await fixture.hub.count("host_reports", where: "host_id = ?", [host.id]) == 2)
        }
    }
}
