import Foundation
import GRDB
import HubTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import ServiceLifecycle
import NIOCore
import Synchronization
import Testing

// Shared fixtures for the kernel tests: a temporary data folder, log capture, toy
// slices and a hub assembled from them.

/// The global key every test hub is configured with.
let globalKey = String(repeating: "a1", count: 32)

/// Seconds to wait for a live in-process server to get somewhere (close a connection,
/// answer, give budget back): generous, because the whole test suite shares a few
/// threads with the server, not because the server is slow.
let serverPatience = 60

/// Values collected from concurrent code, read back by the test.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    var all: [Value] { values.withLock { $0 } }

    func append(_ value: Value) { values.withLock { $0.append(value) } }
}

/// A slice made up for a test; the kernel must treat it like any other.
func toySlice(
    _ name: String = "toy", number: Int = 1, requires: [String] = [], enabledByDefault: Bool = true, migrations: [Migration] = [],
    flags: [FlagDefinition] = [], flagEffects: [FlagEffect] = [], supersedes: [SupersededPart] = [], eventTypes: [String] = [],
    prunedTables: [PruneTarget] = [],
    cohortMembers: (any CohortMembers)? = nil, settings: [SettingDefinition] = [], metrics: [MetricDefinition] = [],
    statusSections: [StatusSection] = [], api: APIDescription? = nil,
    parts: @escaping @Sendable (SliceEnvironment) -> SliceParts = { _ in SliceParts() }
) -> Slice {
    Slice(
        name: name, number: number, summary: "a toy slice for tests", requires: requires, enabledByDefault: enabledByDefault,
        migrations: migrations, flags: flags, flagEffects: flagEffects, supersedes: supersedes, eventTypes: eventTypes,
        prunedTables: prunedTables,
        cohortMembers: cohortMembers, settings: settings, metrics: metrics, statusSections: statusSections, api: api,
        assemble: { parts($0) }
    )
}

/// The customers a toy slice owns, for flag cohorts.
struct ToyCustomers: CohortMembers {
    let known: Set<String>

    func unknown(_ customerIDs: [String], in db: any DatabaseSession) throws -> [String] {
        customerIDs.filter { !known.contains($0) }
    }
}

/// A hub on `directory` with `catalogue`, `enabled` of it switched on (all by default).
struct ToyHub {
    let runtime: HubRuntime
    let hub: AssembledHub
    let clock: ManualClock
    let logs: LogCapture

    /// Serves `body` on a real loopback socket; `body` gets the port. Unlike
    /// Hummingbird's live test client, it opens no connection of its own, so every
    /// connection the server sees is the test's.
    func withLiveServer<T: Sendable>(_ body: @escaping @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let group = ServiceGroup(configuration: .init(
            services: [hub.application(port: 0) { portSink.yield($0) }], logger: runtime.logger
        ))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await body(port))
            } catch {
                outcome = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try outcome.get()
        }
    }

    /// Whether any line at error level or worse was logged.
    var loggedAnError: Bool {
        logs.all.contains { $0.hasPrefix("error ") || $0.hasPrefix("critical ") }
    }

    /// Serves `body` through the router, no sockets.
    func withClient<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await hub.application(port: 0).test(.router) { client in try await body(client) }
    }
}

func openRuntime(
    in directory: URL, catalogue: [Slice], enabled: [String]? = nil, flagOverrides: [String: Bool] = [:],
    globalAPIKey: String? = globalKey, clock: ManualClock = ManualClock(), logs: LogCapture = LogCapture(),
    staleAfter: TimeInterval = 1800, downAfter: TimeInterval = 3600, serverLimits: ServerLimits = .patientForTests,
    tickInterval: Duration = .seconds(60), onSQLite: Bool = false
) async throws -> HubRuntime {
    var configuration = HubConfiguration(
        dataDirectory: directory, globalAPIKey: globalAPIKey, sliceNames: enabled ?? catalogue.map(\.name),
        flagOverrides: flagOverrides, tickInterval: tickInterval, staleAfter: staleAfter, downAfter: downAfter, serverLimits: serverLimits
    )
    // PostgreSQL when the tests run on it, one database per data folder (``TestHub``'s).
    configuration.databaseAddress = try await TestDatabase.database(for: directory, onSQLite: onSQLite)
    return try await HubRuntime(
        configuration: configuration, resolver: SliceResolver(catalogue: catalogue),
        version: "test", clock: clock, logger: logs.logger
    )
}

/// Opens, migrates and assembles a hub.
func startHub(
    in directory: URL, catalogue: [Slice], enabled: [String]? = nil, flagOverrides: [String: Bool] = [:],
    globalAPIKey: String? = globalKey, clock: ManualClock = ManualClock(), logs: LogCapture = LogCapture(),
    staleAfter: TimeInterval = 1800, downAfter: TimeInterval = 3600, serverLimits: ServerLimits = .patientForTests,
    tickInterval: Duration = .seconds(60), onSQLite: Bool = false
) async throws -> ToyHub {
    let runtime = try await openRuntime(
        in: directory, catalogue: catalogue, enabled: enabled, flagOverrides: flagOverrides, globalAPIKey: globalAPIKey,
        clock: clock, logs: logs, staleAfter: staleAfter, downAfter: downAfter, serverLimits: serverLimits, tickInterval: tickInterval,
        onSQLite: onSQLite
    )
    try await runtime.migrator.migrate(allowDestructive: false)
    return ToyHub(runtime: runtime, hub: try await runtime.assemble(), clock: clock, logs: logs)
}

// MARK: HTTP helpers

func authorization(_ value: String) -> HTTPFields {
    [.authorization: value]
}
