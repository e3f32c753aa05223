import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct IngestTests {
    @Test func validReportAnswersTheEnvelopeAndStoresDenormalizedFigures() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        #expect(reply.status == 200)
        #expect(reply.json["status"] as? String == "ok")
        #expect(reply.json["poll_interval_seconds"] as? Int == 900)
        #expect(reply.json["blocked"] as? Bool == false)
        // Later slices add their fields (with placeholders) to these; signed-ops' are
        // checked with it switched off in SignedOpsTests.
        #expect(Set(reply.json.keys) == ["status", "poll_interval_seconds", "blocked"])
        let row = try await fixture.hub.database.row("SELECT * FROM host_reports")!
        #expect(row["host_id"] as String == host.id)
        #expect(row["customer_id"] as String == "acme")
        #expect(row["cpu_percent"] as Double == 12.5)
        #expect(row["mem_percent"] as Double == 40.1)
        #expect(row["disk_percent"] as Double == 63.0)
        #expect(row["guest_total"] as Int == 2)
        #expect(row["guest_running"] as Int == 1)
        #expect(row["cloudflared_status"] as String == "connected")
        #expect(row["reported_at"] as String == "2026-06-08T10:00:00.000Z")
        #expect(try await fixture.hub.count("guests", where: "host_id = ?", [host.id]) == 2)
    }

    @Test func hostIDMismatchIs403() async throws {
        let fixture = try await HostIngestFixture.make()
        let first = try await fixture.mintHost()
        let second = try await fixture.mintHost()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: second.id), key: first.key)
        #expect(reply.status == 403)
        #expect(reply.errorCode == "host_mismatch")
        #expect(try await fixture.hub.count("host_reports") == 0)
    }

    @Test func unknownHostUnderTheGlobalKeyIs400() async throws {
        let fixture = try await HostIngestFixture.make()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: "acme-zzzzzz"), key: TestHub.globalKey)
        #expect(reply.status == 400)
        #expect(reply.errorCode == "unknown_host")
    }

    @Test func globalKeyReportsForAnExistingHost() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: TestHub.globalKey)
        #expect(reply.status == 200)
        #expect(try await fixture.hub.count("host_reports", where: "host_id = ?", [host.id]) == 1)
    }

    @Test func blockedCustomerGetsBlockedTrueAndTheReportIsStored() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let patched = try await fixture.hub.withClient { client in
            try await client.send(.patch, "/api/v1/admin/customers/acme", key: TestHub.globalKey, json: ["status": "blocked"])
        }
        #expect(patched.status == 200)
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        #expect(reply.status == 200)
        #expect(reply.json["blocked"] as? Bool == true)
        #expect(try await fixture.hub.count("host_reports") == 1)
    }

    @Test func oversizeBodyIs400AndNothingIsStored() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        var report = HostIngestFixture.report(hostID: host.id)
        report["padding"] = String(repeating: "x", count: 4 * 1024 * 1024)
        let reply = try await fixture.sendReport(report, key: host.key)
        #expect(reply.status == 400)
        #expect(reply.errorCode == "body_too_large")
        #expect(try await fixture.hub.count("host_reports") == 0)
    }

    @Test func unknownExtraFieldsAreAcceptedAndKeptInTheRawReport() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        var report = HostIngestFixture.report(hostID: host.id)
        report["zfs_pools"] = [["name": "rpool", "health": "ONLINE"]]
        report["backups"] = [["vmid": 101, "at": "2026-06-08T03:00:00Z"]]
        #expect(try await fixture.sendReport(report, key: host.key).status == 200)
        let raw = try await fixture.hub.database.read { db in try String.fetchOne(db, sql: "SELECT raw_json FROM host_reports")! }
        let stored = try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any]
        #expect((stored?["zfs_pools"] as? [[String: Any]])?.first?["health"] as? String == "ONLINE")
        #expect((stored?["backups"] as? [[String: Any]])?.count == 1)
    }

    @Test func aFailingGuestUpsertIsLoggedAndDoesNotFailTheReport() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        try await fixture.hub.database.write { db in
            switch db.dialect {
            case .sqlite:
                try db.execute(sql: "CREATE TRIGGER refuse_guest BEFORE INSERT ON guests WHEN NEW.vmid = 102 BEGIN SELECT RAISE(ABORT, 'refused'); END")
            case .postgres:
                try db.execute(sql: """
                    CREATE FUNCTION refuse_guest() RETURNS trigger AS $$
                    BEGIN IF NEW.vmid = 102 THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql
                    """)
                try db.execute(sql: "CREATE TRIGGER refuse_guest BEFORE INSERT ON guests FOR EACH ROW EXECUTE FUNCTION refuse_guest()")
            }
        }
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        #expect(reply.status == 200)
        #expect(try await fixture.hub.count("host_reports") == 1)
        #expect(try await fixture.hub.count("guests", where: "vmid = 101") == 1)
        #expect(try await fixture.hub.count("guests", where: "vmid = 102") == 0)
        #expect(fixture.hub.logs.all.contains { $0.contains("guest upsert failed") && $0.contains("vmid=102") })
        // The failing guest's group-mate is written, and not reported as failed.
        #expect(!fixture.hub.logs.all.contains { $0.contains("guest upsert failed") && $0.contains("vmid=101") })
    }
}

@Suite struct HeartbeatLogTests {
    /// Thousands of agents report all the time: their successes are counted by metrics
    /// and logged at debug; a refused report is logged at info like any request.
    @Test func successfulReportsLogAtDebugAndRefusedOnesAtInfo() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        _ = try await fixture.sendRaw("{}", key: host.key)
        let lines = fixture.hub.logs.all.filter { $0.contains("route=/api/v1/host-report") }
        #expect(lines.contains { $0.hasPrefix("debug request") && $0.contains("status=200") })
        #expect(lines.contains { $0.hasPrefix("info request") && $0.contains("status=400") })
        #expect(!lines.contains { $0.hasPrefix("info request") && $0.contains("status=200") })
        let admin = fixture.hub.logs.all.filter { $0.contains("route=/api/v1/admin/hosts ") || $0.hasSuffix("route=/api/v1/admin/hosts") }
        #expect(admin.contains { $0.hasPrefix("info request") && $0.contains("status=201") })
    }
}
