import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import NIOCore

/// A hub on a fresh temporary data folder, with a manual clock and a known global key,
/// for tests that drive it through HTTP and look at its database.
package final class TestHub: Sendable {
    package static let globalKey = String(repeating: "ab", count: 32)
    package let directory: URL
    package let clock: ManualClock
    package let runtime: HubRuntime
    package let hub: AssembledHub
    package let logs: LogCapture

    /// The PostgreSQL database this hub uses when the tests run on PostgreSQL
    /// (``TestDatabase``); a restarted hub keeps it, as a restarted hub keeps its folder.
    package let postgres: PostgresAddress?

    package init(
        slices: [Slice], enabled: [String]? = nil, directory: URL? = nil, clock: ManualClock = ManualClock(),
        flags: [String: Bool] = [:], postgres: PostgresAddress? = nil, onSQLite: Bool = false,
        configure: (inout HubConfiguration) -> Void = { _ in }
    ) async throws {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("hub-test-\(UUID().uuidString)")
        var configuration = HubConfiguration(
            dataDirectory: directory, globalAPIKey: Self.globalKey, sliceNames: enabled ?? slices.map(\.name), flagOverrides: flags
        )
        let database: PostgresAddress?
        if let postgres {
            TestDatabase.register(postgres, for: directory)
            database = postgres
        } else {
            database = try await TestDatabase.database(for: directory, onSQLite: onSQLite)
        }
        configuration.databaseAddress = database
        self.postgres = database
        configuration.serverLimits = .patientForTests
        configure(&configuration)
        let logs = LogCapture()
        let runtime = try await HubRuntime(
            configuration: configuration, resolver: SliceResolver(catalogue: slices),
            version: "test", clock: clock, logger: logs.logger
        )
        try await runtime.migrator.migrate(allowDestructive: false)
        self.directory = directory
        self.clock = clock
        self.runtime = runtime
        self.logs = logs
        let hub = try await runtime.assemble()
        self.hub = hub
        // A hub serving on PostgreSQL hears the changes `hub …` commands make through
        // the database's notifications; a test hub listens as `hub serve` would.
        listening = hub.changeListener.map { listener in Task { try? await listener.run() } }
    }

    private let listening: Task<Void, Never>?

    /// A second hub on the same folder, as after a restart.
    package func restarted(slices: [Slice], enabled: [String]? = nil) async throws -> TestHub {
        try runtime.close()
        return try await TestHub(slices: slices, enabled: enabled, directory: directory, clock: clock, postgres: postgres)
    }

    /// Runs `body` with a client talking to this hub's router.
    package func withClient<Value: Sendable>(_ body: @escaping @Sendable (HubClient) async throws -> Value) async throws -> Value {
        try await hub.application(port: 0).test(.router) { client in
            try await body(HubClient(client: client))
        }
    }

    package var database: HubDatabase { runtime.database }

    /// How many rows `table` holds.
    package func count(_ table: String, where condition: String = "1 = 1", _ arguments: SQLArguments = []) async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: arguments) ?? 0 }
    }

    /// The events recorded so far, oldest first.
    package func events(type: String? = nil) async throws -> [Event] {
        try await runtime.events.list(type: type, limit: 1000)
    }

    deinit {
        listening?.cancel()
        try? FileManager.default.removeItem(at: directory)
    }
}
