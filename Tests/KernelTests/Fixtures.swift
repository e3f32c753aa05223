import Foundation
import HubTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import NIOCore
import Synchronization

// Shared fixtures for the kernel tests: a temporary data folder, log capture, toy
// slices and a hub assembled from them.

/// The global key every test hub is configured with.
let globalKey = String(repeating: "a1", count: 32)

/// A fresh data folder, removed when `body` returns.
func withDataDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kernel-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Every line logged through loggers made by ``logger()``, with metadata.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    func logger() -> Logger {
        var logger = Logger(label: "kernel-tests") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

/// Values collected from concurrent code, read back by the test.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    var all: [Value] { values.withLock { $0 } }

    func append(_ value: Value) { values.withLock { $0.append(value) } }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        for (key, value) in metadataProvider?.get() ?? [:] { merged[key] = value }
        for (key, value) in event.metadata ?? [:] { merged[key] = value }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(fields) \(event.error.map { "\($0)" } ?? "")")
    }
}

/// A slice made up for a test; the kernel must treat it like any other.
func toySlice(
    _ name: String = "toy", number: Int = 1, requires: [String] = [], migrations: [Migration] = [],
    flags: [FlagDefinition] = [], eventTypes: [String] = [], prunedTables: [PruneTarget] = [],
    parts: @escaping @Sendable (SliceEnvironment) -> SliceParts = { _ in SliceParts() }
) -> Slice {
    Slice(
        name: name, number: number, summary: "a toy slice for tests", requires: requires, migrations: migrations,
        flags: flags, eventTypes: eventTypes, prunedTables: prunedTables, assemble: { parts($0) }
    )
}

/// A hub on `directory` with `catalogue`, `enabled` of it switched on (all by default).
struct TestHub {
    let runtime: HubRuntime
    let hub: AssembledHub
    let clock: ManualClock
    let logs: LogCapture

    /// Serves `body` through the router, no sockets.
    func withClient<T: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await hub.application(port: 0).test(.router) { client in try await body(client) }
    }
}

func openRuntime(
    in directory: URL, catalogue: [Slice], enabled: [String]? = nil, flagOverrides: [String: Bool] = [:],
    globalAPIKey: String? = globalKey, clock: ManualClock = ManualClock(), logs: LogCapture = LogCapture(),
    staleAfter: TimeInterval = 1800, downAfter: TimeInterval = 3600
) throws -> HubRuntime {
    let configuration = HubConfiguration(
        dataDirectory: directory, globalAPIKey: globalAPIKey, sliceNames: enabled ?? catalogue.map(\.name),
        flagOverrides: flagOverrides, staleAfter: staleAfter, downAfter: downAfter
    )
    return try HubRuntime(
        configuration: configuration, resolver: SliceResolver(catalogue: catalogue, defaultNames: []),
        version: "test", clock: clock, logger: logs.logger()
    )
}

/// Opens, migrates and assembles a hub.
func startHub(
    in directory: URL, catalogue: [Slice], enabled: [String]? = nil, flagOverrides: [String: Bool] = [:],
    globalAPIKey: String? = globalKey, clock: ManualClock = ManualClock(), logs: LogCapture = LogCapture(),
    staleAfter: TimeInterval = 1800, downAfter: TimeInterval = 3600
) async throws -> TestHub {
    let runtime = try openRuntime(
        in: directory, catalogue: catalogue, enabled: enabled, flagOverrides: flagOverrides, globalAPIKey: globalAPIKey,
        clock: clock, logs: logs, staleAfter: staleAfter, downAfter: downAfter
    )
    try await runtime.migrator.migrate(allowDestructive: false)
    return TestHub(runtime: runtime, hub: try await runtime.assemble(), clock: clock, logs: logs)
}

// MARK: HTTP helpers

func authorization(_ value: String) -> HTTPFields {
    [.authorization: value]
}
