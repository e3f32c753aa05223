import Foundation
import HubTestSupport
import Kernel
import Testing

/// `hub store copy`: a SQLite hub with every slice's data moves into an empty PostgreSQL
/// database whole, and a hub started on that database serves the same fleet. Needs a
/// PostgreSQL server (`HUB_TEST_DATABASE_URL`, as `.ci/run` gives).
@Suite(.enabled(if: TestDatabase.serverURL != nil, "needs a PostgreSQL server (HUB_TEST_DATABASE_URL)"))
struct StoreCopyTests {
    /// A SQLite hub after the cutover with a customer, an enrolled host reporting a
    /// controller guest, the guest's key and report, a desired state, an op, a flag
    /// changed (audited), a webhook and events.
    static func seededSQLiteHub() async throws -> (fixture: CutoverFixture, host: (id: String, key: String), guestKey: String) {
        let fixture = CutoverFixture(hub: try await TestHub(slices: CutoverFixture.slices, enabled: CutoverFixture.all, onSQLite: true))
        let customerKey = try await fixture.addCustomer("acme")
        _ = customerKey
        let host = try await fixture.addHost(customer: "acme")
        #expect(try await fixture.hostReport(host).status == 200)
        let guestKey = try await fixture.guestKey("\(host.id)/101")
        #expect(try await fixture.controllerReport(key: guestKey).status == 200)
        #expect(try await fixture.admin(.put, "/api/v1/admin/hosts/\(host.id)/desired", ["desired": ["tz": "Europe/Budapest"]]).status == 200)
        #expect(try await fixture.admin(.post, "/api/v1/admin/hosts/\(host.id)/ops", ["type": "reboot_host"]).status == 201)
        #expect(try await fixture.admin(.put, "/api/v1/admin/flags/signed_ops", ["enabled": true, "customers": ["acme"]]).status == 200)
        #expect(try await fixture.admin(.patch, "/api/v1/admin/customers/acme", ["webhook_url": "https://hooks.example.com/felhom"]).status == 200)
        fixture.hub.clock.advance(by: 1900)
        await fixture.hub.hub.ticker.tick()
        return (fixture, host, guestKey)
    }

    @Test func aSQLiteHubMovesWholeAndServesTheSameFleetOnPostgreSQL() async throws {
        let (fixture, host, guestKey) = try await Self.seededSQLiteHub()
        let source = fixture.hub
        let sourceCounts = try await Self.counts(source.database)
        #expect(sourceCounts["kernel_events", default: 0] > 0 && sourceCounts["kernel_flag_audit", default: 0] > 0)
        #expect(sourceCounts["guest_reports", default: 0] > 0 && sourceCounts["signed_ops", default: 0] > 0)
        let events = try await source.events()
        try source.runtime.close()

        let address = try #require(try await TestDatabase.fresh())
        let target = HubDatabase(engine: .postgres(try PostgresStore(address: address, logger: LogCapture().logger)))
        let copy = StoreCopy(
            source: try HubDatabase.open(at: source.directory.appendingPathComponent("hub.sqlite")), target: target,
            owners: CutoverFixture.slices.map { ($0.name, $0.migrations) }, clock: source.clock, logger: LogCapture().logger
        )
        let copied = try await copy.run()
        #expect(Dictionary(uniqueKeysWithValues: copied.map { ($0.table, $0.rows) }) == sourceCounts)
        try target.close()

        // A replica on the copy: the ledger is complete, the keys work, the history is there.
        let moved = CutoverFixture(hub: try await TestHub(
            slices: CutoverFixture.slices, enabled: CutoverFixture.all, directory: source.directory, clock: source.clock, postgres: address
        ))
        #expect(moved.hub.runtime.database.dialect == .postgres)
        #expect(try await moved.hub.runtime.migrator.plan().isEmpty)
        #expect(try await moved.hub.events() == events)
        #expect(try await moved.hostReport(host).status == 200)
        #expect(try await moved.controllerReport(key: guestKey).status == 200)
        // New rows are numbered after the copied ones.
        let ids = try await moved.hub.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM guest_reports ORDER BY id")
        }
        #expect(ids.count == sourceCounts["guest_reports", default: 0] + 1 && Set(ids).count == ids.count)
        let audit = try await moved.admin(.get, "/api/v1/admin/flags")
        #expect(audit.status == 200)
    }

    @Test func aTargetThatHasTablesIsRefusedAndKeepsThem() async throws {
        let source = try await TestHub(slices: CutoverFixture.slices, enabled: CutoverFixture.legacy, onSQLite: true)
        let address = try #require(try await TestDatabase.fresh())
        let target = HubDatabase(engine: .postgres(try PostgresStore(address: address, logger: LogCapture().logger)))
        try await target.write { db in try db.execute(sql: "CREATE TABLE keep_me (x BIGINT)") }
        let copy = StoreCopy(
            source: source.database, target: target, owners: CutoverFixture.slices.map { ($0.name, $0.migrations) },
            clock: source.clock, logger: LogCapture().logger
        )
        await #expect(throws: ConfigurationError.self) { try await copy.run() }
        #expect(try await target.read { db in try db.tableExists("keep_me") && !db.tableExists("hosts") })
        try target.close()
    }

    static func counts(_ database: HubDatabase) async throws -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}
