import Foundation
import GRDB
import HubTestSupport
import Testing

/// Host reports that other readers would read differently from the hub: a repeated
/// key, U+0000, a flood of guests. Each is 400 `invalid_report` naming the field, and
/// nothing is stored.
@Suite struct AmbiguousReportValidationTests {
    /// The contract example as text, with `replacement` put in for `marker`.
    static func report(hostID: String, replacing marker: String, with replacement: String) throws -> String {
        let text = try JSONText.encode(HostIngestFixture.report(hostID: hostID))
        try #require(text.contains(marker), "no \(marker) in the example report")
        return text.replacingOccurrences(of: marker, with: replacement)
    }

    func expectRefusedAndNothingStored(_ reply: HubClient.Reply, _ fixture: HostIngestFixture, message: String) async throws {
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_report")
        #expect(reply.message == message)
        #expect(try await fixture.hub.count("host_reports") == 0)
        #expect(try await fixture.hub.count("guests") == 0)
    }

    /// With A's key and A's id first, the hub would store a raw report whose `host_id`
    /// is B to every reader that keeps the last of two keys.
    @Test func aSecondHostIDIsRefused() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let other = try await fixture.mintHost()
        let body = try Self.report(hostID: host.id, replacing: #""host_id":"\#(host.id)""#, with: #""host_id":"\#(host.id)","host_id":"\#(other.id)""#)
        let reply = try await fixture.sendRaw(body, key: host.key)
        try await expectRefusedAndNothingStored(reply, fixture, message: "host_id: duplicate key")
    }

    /// The repeat goes into the object that has the key, before or after it.
    @Test(arguments: [
        (#""agent_version""#, #""host\u005fid":"X","agent_version""#, "host_id: duplicate key"),
        (#""status":"running""#, #""status":"running","name":"again""#, "guests[0].name: duplicate key"),
        (#""cores":2"#, #""cores":2,"cores":8"#, "guests[0].spec.cores: duplicate key"),
        (#""audit_tail":[]"#, #""audit_tail":[{"at":"x","at":"y"}]"#, "audit_tail[0].at: duplicate key"),
    ])
    func aRepeatedKeyAnywhereIsRefused(marker: String, replacement: String, message: String) async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = try Self.report(hostID: host.id, replacing: marker, with: replacement)
        try await expectRefusedAndNothingStored(try await fixture.sendRaw(body, key: host.key), fixture, message: message)
    }

    /// `"running\u0000"` would be counted as not running, then stored as `running`.
    @Test(arguments: [
        (#""status":"running""#, #""status":"running\u0000""#, "guests[0].status: must not contain U+0000"),
        (#""name":"felhom-ctl""#, #""name":"felhom\u0000-ctl""#, "guests[0].name: must not contain U+0000"),
        (#""controller_version":"1.4.2""#, #""controller_version":"\u00001.4.2""#, "guests[0].controller_version: must not contain U+0000"),
        (#""hostname":"pve1""#, #""hostname":"pve1\u0000""#, "host.hostname: must not contain U+0000"),
        (#""agent_version":"0.3.1""#, #""agent_version":"0.3.1\u0000""#, "agent_version: must not contain U+0000"),
        (#""status":"connected""#, #""status":"connected\u0000""#, "cloudflared.status: must not contain U+0000"),
        (#""kernel":"6.8.12-1-pve""#, #""kernel":"6.8.12\u0000""#, "host.kernel: must not contain U+0000"),
        (#""audit_tail":[]"#, #""audit_tail":[{"detail":"a\u0000b"}]"#, "audit_tail[0].detail: must not contain U+0000"),
        (#""spec":{"#, #""spec":{"\u0000":1,"#, "guests[0].spec: keys must not contain U+0000"),
    ])
    func nulIsRefusedNamingTheField(marker: String, replacement: String, message: String) async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = try Self.report(hostID: host.id, replacing: marker, with: replacement)
        try await expectRefusedAndNothingStored(try await fixture.sendRaw(body, key: host.key), fixture, message: message)
    }

    @Test func nulInTheHostIDIsRefused() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = try Self.report(hostID: host.id, replacing: #""host_id":"\#(host.id)""#, with: #""host_id":"\#(host.id)\u0000""#)
        try await expectRefusedAndNothingStored(try await fixture.sendRaw(body, key: host.key), fixture, message: "host_id: must not contain U+0000")
    }

    /// Text that only looks like U+0000 is kept as sent.
    @Test func anEscapedBackslashBeforeU0000IsKept() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = try Self.report(hostID: host.id, replacing: #""status":"running""#, with: #""status":"run\\u0000""#)
        let reply = try await fixture.sendRaw(body, key: host.key)
        #expect(reply.status == 200)
        let status = try await fixture.hub.database.read { db in try String.fetchOne(db, sql: "SELECT status FROM guests WHERE vmid = 101") }
        #expect(status == #"run\u0000"#)
    }

    /// The documented cap: 1,000 guests are stored, one more refuses the report.
    @Test func aReportMayListAThousandGuestsAndNoMore() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        func report(guests: Int) -> [String: Any] {
            var report = HostIngestFixture.report(hostID: host.id)
            report["guests"] = (0..<guests).map { ["vmid": 1000 + $0, "name": "g\($0)", "status": "running"] as [String: Any] }
            return report
        }
        let flood = try await fixture.sendReport(report(guests: 10_000), key: host.key)
        try await expectRefusedAndNothingStored(flood, fixture, message: "guests: at most 1000 per report (this one has 10000)")
        let oneTooMany = try await fixture.sendReport(report(guests: 1_001), key: host.key)
        try await expectRefusedAndNothingStored(oneTooMany, fixture, message: "guests: at most 1000 per report (this one has 1001)")
        let full = try await fixture.sendReport(report(guests: 1_000), key: host.key)
        #expect(full.status == 200)
        #expect(try await fixture.hub.count("guests") == 1_000)
    }
}
