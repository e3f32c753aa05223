import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// After an outage, every agent reports at once: 10,000 hosts that had gone down all
/// report together. Nothing is lost and each host recovers exactly once.
/// Ten thousand reports at once is a load test as much as a behaviour test; on PostgreSQL
/// the same load is measured by `Benchmarks/postgres.sh` rather than in the test run.
@Suite(.enabled(if: !TestDatabase.isPostgres, "a load test; PostgreSQL's load is benchmarked"))
struct StormTests {
    static let hostCount = 10_000

    @Test func tenThousandHostsReportAtOnceAfterAnOutage() async throws {
        let fixture = try await HostIngestFixture.make()
        let clock = fixture.hub.clock
        let hosts = (0..<Self.hostCount).map { index in (id: String(format: "acme-s%05d", index), key: APIKey.generate()) }
        let lastSeen = Timestamp.format(clock.now().addingTimeInterval(-7200))
        try await fixture.hub.database.write { db in
            for host in hosts {
                try db.execute(
                    sql: "INSERT INTO hosts (host_id, customer_id, api_key_hash, last_report_at, created_at, updated_at) VALUES (?, 'acme', ?, ?, ?, ?)",
                    arguments: [host.id, APIKey.hash(host.key), lastSeen, lastSeen, lastSeen]
                )
            }
        }
        await fixture.hub.hub.ticker.tick()
        #expect(try await fixture.hub.count("kernel_events", where: "type = 'host_down'") == Self.hostCount)

        let statuses = try await fixture.hub.withClient { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                var statuses: [Int] = []
                for (index, host) in hosts.enumerated() {
                    if index >= 256, let status = try await group.next() { statuses.append(status) }
                    let body = try JSONText.encode(HostIngestFixture.report(hostID: host.id))
                    group.addTask { try await client.send(.post, "/api/v1/host-report", key: host.key, body: body).status }
                }
                for try await status in group { statuses.append(status) }
                return statuses
            }
        }
        #expect(statuses.count == Self.hostCount)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(try await fixture.hub.count("host_reports") == Self.hostCount)

        clock.advance(by: 60)
        await fixture.hub.hub.ticker.tick()
        await fixture.hub.hub.ticker.tick()
        let recovered = try await fixture.hub.database.row("SELECT COUNT(*) AS events, COUNT(DISTINCT subject) AS hosts FROM kernel_events WHERE type = 'host_recovered'")!
        #expect(recovered["events"] as Int == Self.hostCount)
        #expect(recovered["hosts"] as Int == Self.hostCount)
    }
}
