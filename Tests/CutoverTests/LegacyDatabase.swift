import Foundation
import GRDB
import HubTestSupport
import Kernel
import Logging
import Synchronization

/// A pre-cutover hub's data folder, built once per test run through the slices' own
/// routes, and copied for each test that cuts it over:
///
/// - ten customers `c00`…`c09` with one host each, whose guest 101 runs a controller
///   (their reports map to that guest), guest 102 none;
/// - `bob` with two hosts each running a controller (ambiguous: unmapped);
/// - `dave` whose host reports a guest without a controller (unmapped);
/// - `carol` with no host at all (unmapped);
/// - 20,000 controller reports on the legacy path, with raw bodies that differ in key
///   order, spacing, escapes and non-ASCII text, so a copy that re-encodes is caught.
enum LegacyDatabase {
    static let reportCount = 20_000
    static let mappedCustomers = (0..<10).map { String(format: "c%02d", $0) }
    static let unmappedCustomers = ["bob", "dave", "carol"]

    /// What the template holds besides its files.
    struct Seeded: Sendable {
        let directory: URL
        /// Each mapped customer's controller guest.
        let guestOf: [String: String]
        let hostKeys: [String: String]
        let customerKeys: [String: String]
    }

    private static let template = Task { try await build() }
    /// Where the template is, removed when the test process exits.
    private static let templateFolder = Mutex<String?>(nil)

    /// A private copy of the template's folder, and what was seeded into it.
    static func copy() async throws -> Seeded {
        let seeded = try await template.value
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-cutover-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: seeded.directory, to: directory)
        return Seeded(directory: directory, guestOf: seeded.guestOf, hostKeys: seeded.hostKeys, customerKeys: seeded.customerKeys)
    }

    /// The legacy reports as stored: id, customer, received_at, raw body.
    struct Row: Equatable, Sendable {
        let id: Int64
        let customerID: String
        let receivedAt: String
        let raw: String
    }

    static func rows(_ table: String, in db: any DatabaseSession) throws -> [Row] {
        try GRDB.Row.fetchAll(db, sql: "SELECT id, customer_id, received_at, raw_json FROM \(table) ORDER BY id").map {
            Row(id: $0["id"], customerID: $0["customer_id"], receivedAt: $0["received_at"], raw: $0["raw_json"])
        }
    }

    /// Opens `directory`'s database read-only for a look from outside the hub.
    static func inspect<T: Sendable>(_ directory: URL, _ read: @escaping @Sendable (any DatabaseSession) throws -> T) async throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("hub.sqlite").path, configuration: configuration)
        defer { try? queue.close() }
        return try await queue.read { db in try read(SQLiteSession(db)) }
    }

    /// A raw controller report that a re-encoding copy would not reproduce.
    static func rawReport(_ index: Int) -> String {
        switch index % 4 {
        case 0: return #"{"reported_at":"2026-06-08T10:00:00Z","controller_version":"1.4.\#(index)","disk_percent":41.50}"#
        case 1: return "{\n  \"controller_version\" : \"1.4.2\",\n  \"reported_at\" : \"2026-06-08T10:00:00.5+02:00\",\n  \"n\" : \(index)\n}"
        case 2: return #"{"controller_version":"1.4.2","reported_at":"2026-06-08T10:00:00Z","hostname":"felhom-ctl-ő-✓-\#(index)","services":[{"name":"nextcloud","status":"running"}]}"#
        default: return #"{"reported_at":"2026-06-08T10:00:00Z","controller_version":"1.4.2","hostname":"a\u00e9\"b\\c","extra":{"deep":[1,2.0,3e2]},"i":\#(index)}"#
        }
    }

    private static func build() async throws -> Seeded {
        let fixture = try await CutoverFixture.legacyHub()
        var customerKeys: [String: String] = [:]
        var hostKeys: [String: String] = [:]
        var guestOf: [String: String] = [:]
        for customer in mappedCustomers + unmappedCustomers {
            customerKeys[customer] = try await fixture.addCustomer(customer)
        }
        for customer in mappedCustomers {
            let host = try await fixture.addHost(customer: customer, guests: [101: "1.4.2", 102: nil])
            hostKeys[host.id] = host.key
            guestOf[customer] = "\(host.id)/101"
        }
        for _ in 0..<2 {
            let host = try await fixture.addHost(customer: "bob")
            hostKeys[host.id] = host.key
        }
        let daveHost = try await fixture.addHost(customer: "dave", guests: [101: nil])
        hostKeys[daveHost.id] = daveHost.key
        let customers = mappedCustomers + unmappedCustomers
        let keys = customerKeys
        // Many at a time: the controller's route shares commits between concurrent
        // reports, so 20,000 of them take seconds rather than minutes.
        try await fixture.hub.withClient { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<32 {
                    group.addTask {
                        for index in stride(from: worker, to: reportCount, by: 32) {
                            let customer = customers[index % customers.count]
                            let reply = try await client.send(.post, "/api/v1/report", key: keys[customer], body: rawReport(index))
                            guard reply.status == 200 else { throw CutoverFixture.Unexpected(reply) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        try fixture.hub.runtime.close()
        // The test hub removes its own folder when it goes; the template lives on beside it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-cutover-template-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture.hub.directory, to: directory)
        templateFolder.withLock { $0 = directory.path }
        atexit {
            if let folder = LegacyDatabase.templateFolder.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
        }
        return Seeded(directory: directory, guestOf: guestOf, hostKeys: hostKeys, customerKeys: customerKeys)
    }

    /// A runtime with every slice (the cutover included) on `directory`, for `hub migrate`
    /// in process.
    static func runtime(_ directory: URL, slices: [String] = CutoverFixture.all, clock: ManualClock = ManualClock()) async throws -> HubRuntime {
        try await HubRuntime(
            configuration: HubConfiguration(dataDirectory: directory, globalAPIKey: TestHub.globalKey, sliceNames: slices),
            resolver: SliceResolver(catalogue: CutoverFixture.slices), version: "test", clock: clock, logger: LogCapture().logger
        )
    }

    /// The environment of a hub before the cutover, as a child process: the legacy slices,
    /// and a retention that keeps the template's months-old reports from the daily prune.
    static let legacySettings: [String: String] = InterruptionTests.settings.merging([
        "HUB_SLICES": CutoverFixture.legacy.joined(separator: ","), "HUB_RETENTION_DAYS": "36500",
    ]) { $1 }

    /// `hub serve` before the cutover on `directory`, once it listens.
    static func serveLegacy(_ directory: URL) async throws -> SpawnedProcess {
        let log = directory.appendingPathComponent("serve.log")
        let server = try SpawnedProcess(
            executable: try ExternalProcess.hubExecutable().path, arguments: ["serve"],
            environment: InterruptionTests.environment(directory).merging(legacySettings) { $1 }, stdout: log, stderr: log
        )
        try await eventually("the legacy hub to serve") { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("listening on") }
        return server
    }
}
