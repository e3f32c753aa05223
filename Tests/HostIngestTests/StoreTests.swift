import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct StoreTests {
    @Test func upsertAndLookupByKeyIdAndCustomer() async throws {
        let fixture = try await HostIngestFixture.make()
        let store = HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock)
        let minted = try await store.mint(customerID: "acme", label: "pve1")
        #expect(minted.host.hostID.hasPrefix("acme-"))
        #expect(try await store.host(forKeyHash: APIKey.hash(minted.apiKey))?.hostID == minted.host.hostID)
        #expect(try await store.host(minted.host.hostID)?.label == "pve1")
        #expect(try await store.hosts(customerID: "acme").map(\.hostID) == [minted.host.hostID])
        #expect(try await store.hosts(customerID: "other").isEmpty)

        try await fixture.hub.database.write { db in
            try db.execute(sql: "UPDATE hosts SET desired_json = '{\"a\":1}', desired_generation = 4 WHERE host_id = ?", arguments: [minted.host.hostID])
            try store.upsertHost(hostID: minted.host.hostID, customerID: "acme", label: "renamed", apiKeyHash: "f00", in: db)
        }
        let row = try await fixture.hub.database.row("SELECT label, api_key_hash, desired_json, desired_generation FROM hosts WHERE host_id = ?", [minted.host.hostID])!
        #expect(row["label"] as String == "renamed")
        #expect(row["api_key_hash"] as String == "f00")
        #expect(row["desired_json"] as String == "{\"a\":1}")
        #expect(row["desired_generation"] as Int == 4)
    }

    @Test func reportPathPreservesDesiredState() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        try await fixture.hub.database.write { db in
            try db.execute(
                sql: "UPDATE hosts SET desired_json = '{\"x\":true}', desired_generation = 7, dr_record_json = '{}' WHERE host_id = ?",
                arguments: [host.id]
            )
        }
        #expect(try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key).status == 200)
        let row = try await fixture.hub.database.row("SELECT desired_json, desired_generation, dr_record_json, agent_version, last_report_at FROM hosts")!
        #expect(row["desired_json"] as String == "{\"x\":true}")
        #expect(row["desired_generation"] as Int == 7)
        #expect(row["dr_record_json"] as String == "{}")
        #expect(row["agent_version"] as String == "0.3.1")
        #expect(row["last_report_at"] as String? == Timestamp.format(fixture.hub.clock.now()))
    }

    @Test func guestUpsertPreservesKeyAndDesiredSpecWhileUpdatingReality() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        try await fixture.hub.database.write { db in
            try db.execute(sql: "UPDATE guests SET api_key = 'kept-hash', desired_spec_json = '{\"cores\":4}' WHERE vmid = 101")
        }
        var report = HostIngestFixture.report(hostID: host.id)
        report["guests"] = [["vmid": 101, "name": "renamed", "status": "stopped", "controller_version": "1.5.0"]]
        fixture.hub.clock.advance(by: 60)
        #expect(try await fixture.sendReport(report, key: host.key).status == 200)
        let row = try await fixture.hub.database.row("SELECT * FROM guests WHERE vmid = 101")!
        #expect(row["api_key"] as String == "kept-hash")
        #expect(row["desired_spec_json"] as String == "{\"cores\":4}")
        #expect(row["display_name"] as String == "renamed")
        #expect(row["status"] as String == "stopped")
        #expect(row["controller_version"] as String == "1.5.0")
        #expect(row["last_seen_at"] as String == Timestamp.format(fixture.hub.clock.now()))
    }

    @Test func guestIDIsHostSlashVmid() async throws {
        #expect(Guest.id(hostID: "acme-k3x9q2", vmid: 101) == "acme-k3x9q2/101")
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        let ids = try await HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock).guests(hostID: host.id).map(\.guestID)
        #expect(ids == ["\(host.id)/101", "\(host.id)/102"])
    }

    @Test func stalenessRowsSkipHostsThatNeverReported() async throws {
        let fixture = try await HostIngestFixture.make()
        let reporting = try await fixture.mintHost()
        _ = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: reporting.id), key: reporting.key)
        let rows = try await HostStore(database: fixture.hub.runtime.database, clock: fixture.hub.clock).stalenessRows()
        #expect(rows.map(\.hostID) == [reporting.id])
    }
}
