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

    package init(
        slices: [Slice], enabled: [String]? = nil, directory: URL? = nil, clock: ManualClock = ManualClock(),
        flags: [String: Bool] = [:], configure: (inout HubConfiguration) -> Void = { _ in }
    ) async throws {
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("hub-test-\(UUID().uuidString)")
        var configuration = HubConfiguration(
            dataDirectory: directory, globalAPIKey: Self.globalKey, sliceNames: enabled ?? slices.map(\.name), flagOverrides: flags
        )
        configure(&configuration)
        let logs = LogCapture()
        let runtime = try HubRuntime(
            configuration: configuration, resolver: SliceResolver(catalogue: slices),
            version: "test", clock: clock, logger: logs.logger
        )
        try await runtime.migrator.migrate(allowDestructive: false)
        self.directory = directory
        self.clock = clock
        self.runtime = runtime
        self.logs = logs
        self.hub = try await runtime.assemble()
    }

    /// A second hub on the same folder, as after a restart.
    package func restarted(slices: [Slice], enabled: [String]? = nil) async throws -> TestHub {
        try runtime.close()
        return try await TestHub(slices: slices, enabled: enabled, directory: directory, clock: clock)
    }

    /// Runs `body` with a client talking to this hub's router.
    package func withClient<Value: Sendable>(_ body: @escaping @Sendable (HubClient) async throws -> Value) async throws -> Value {
        try await hub.application(port: 0).test(.router) { client in
            try await body(HubClient(client: client))
        }
    }

    package var database: DatabasePool { runtime.database.pool }

    /// How many rows `table` holds.
    package func count(_ table: String, where condition: String = "1 = 1", _ arguments: StatementArguments = []) async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)", arguments: arguments) ?? 0 }
    }

    /// The events recorded so far, oldest first.
    package func events(type: String? = nil) async throws -> [Event] {
        try await runtime.events.list(type: type, limit: 1000)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}
