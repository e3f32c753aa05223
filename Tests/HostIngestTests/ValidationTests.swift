import Foundation
import HubTestSupport
import Testing

/// Every rule of agent protocol §4, broken once: 400 `invalid_report` naming the field,
/// and nothing stored.
@Suite struct ValidationTests {
    struct Breach: CustomTestStringConvertible, Sendable {
        let field: String
        let apply: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { field }
    }

    static func guest(_ change: @escaping @Sendable (inout [String: Any]) -> Void) -> @Sendable (inout [String: Any]) -> Void {
        { report in
            var guests = report["guests"] as! [[String: Any]]
            change(&guests[0])
            report["guests"] = guests
        }
    }

    static func machine(_ change: @escaping @Sendable (inout [String: Any]) -> Void) -> @Sendable (inout [String: Any]) -> Void {
        { report in
            var host = report["host"] as! [String: Any]
            change(&host)
            report["host"] = host
        }
    }

    static let breaches: [Breach] = [
        Breach(field: "host_id") { $0["host_id"] = nil },
        Breach(field: "host_id") { $0["host_id"] = "" },
        Breach(field: "host_id") { $0["host_id"] = 42 },
        Breach(field: "reported_at") { $0["reported_at"] = nil },
        Breach(field: "reported_at") { $0["reported_at"] = "yesterday" },
        Breach(field: "reported_at") { $0["reported_at"] = "2026-02-30T10:00:00Z" },
        Breach(field: "agent_version") { $0["agent_version"] = nil },
        Breach(field: "agent_version") { $0["agent_version"] = "" },
        Breach(field: "host") { $0["host"] = nil },
        Breach(field: "host") { $0["host"] = "pve1" },
        Breach(field: "host.hostname", apply: machine { $0["hostname"] = nil }),
        Breach(field: "host.hostname", apply: machine { $0["hostname"] = 7 }),
        Breach(field: "host.cpu_percent", apply: machine { $0["cpu_percent"] = 100.5 }),
        Breach(field: "host.cpu_percent", apply: machine { $0["cpu_percent"] = "12" }),
        Breach(field: "host.mem_percent", apply: machine { $0["mem_percent"] = -1 }),
        Breach(field: "host.disk_percent", apply: machine { $0["disk_percent"] = nil }),
        Breach(field: "host.uptime_seconds", apply: machine { $0["uptime_seconds"] = -5 }),
        Breach(field: "host.uptime_seconds", apply: machine { $0["uptime_seconds"] = 1.5 }),
        Breach(field: "host.pve_version", apply: machine { $0["pve_version"] = 8 }),
        Breach(field: "host.kernel", apply: machine { $0["kernel"] = false }),
        Breach(field: "guests") { $0["guests"] = nil },
        Breach(field: "guests") { $0["guests"] = ["vmid": 101] },
        Breach(field: "guests[0].vmid", apply: guest { $0["vmid"] = 99 }),
        Breach(field: "guests[0].vmid", apply: guest { $0["vmid"] = 1_000_000_000 }),
        Breach(field: "guests[0].vmid", apply: guest { $0["vmid"] = 101.5 }),
        Breach(field: "guests[0].vmid", apply: guest { $0["vmid"] = "101" }),
        Breach(field: "guests[1].vmid") { report in
            var guests = report["guests"] as! [[String: Any]]
            guests[1]["vmid"] = 101
            report["guests"] = guests
        },
        Breach(field: "guests[0].name", apply: guest { $0["name"] = nil }),
        Breach(field: "guests[0].status", apply: guest { $0["status"] = nil }),
        Breach(field: "guests[0].controller_version", apply: guest { $0["controller_version"] = 1.4 }),
        Breach(field: "guests[0].spec", apply: guest { $0["spec"] = [2, 2048] }),
        Breach(field: "cloudflared") { $0["cloudflared"] = "connected" },
        Breach(field: "cloudflared.status") { $0["cloudflared"] = ["state": "connected"] },
        Breach(field: "storage_targets") { $0["storage_targets"] = [:] as [String: Any] },
        Breach(field: "backups") { $0["backups"] = "none" },
        Breach(field: "restore_tests") { $0["restore_tests"] = 0 },
        Breach(field: "pbs_snapshots") { $0["pbs_snapshots"] = ["a": 1] },
        Breach(field: "audit_tail") { $0["audit_tail"] = true },
    ]

    @Test(arguments: breaches)
    func brokenRuleIs400NamingTheField(_ breach: Breach) async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        var report = HostIngestFixture.report(hostID: host.id)
        breach.apply(&report)
        let reply = try await fixture.sendReport(report, key: host.key)
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_report")
        #expect(reply.message.hasPrefix(breach.field), "message was: \(reply.message)")
        #expect(try await fixture.hub.count("host_reports") == 0)
        #expect(try await fixture.hub.count("guests") == 0)
    }

    @Test(arguments: ["", "{", "[]", "null", "{\"host_id\": \"x\"", "\u{FEFF}nonsense"])
    func bodyThatIsNotAReportObjectIs400(_ body: String) async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let reply = try await fixture.sendRaw(body, key: host.key)
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_report")
    }
}
