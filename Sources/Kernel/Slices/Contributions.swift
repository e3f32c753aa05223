import Synchronization

/// Typed extension points between slices.
///
/// A slice that wants help declares a ``ContributionKey``; a slice that requires it
/// registers values under that key while it is assembled. Slices are assembled in
/// dependency order, so the asking slice reads contributions when it handles a
/// request, not while it is assembled.
///
/// ```swift
/// // host-ingest
/// public static let envelope = ContributionKey<any EnvelopeContributor>("host-ingest.envelope")
/// // signed-ops, while assembled
/// environment.contributions.register(SignedOpsEnvelope(…), for: HostIngestSlice.envelope)
/// ```
public final class Contributions: Sendable {
    private let values = Mutex<[String: [any Sendable]]>([:])

    public init() {}

    public func register<Value: Sendable>(_ value: Value, for key: ContributionKey<Value>) {
        values.withLock { $0[key.name, default: []].append(value) }
    }

    public func all<Value: Sendable>(for key: ContributionKey<Value>) -> [Value] {
        values.withLock { $0[key.name] ?? [] }.compactMap { $0 as? Value }
    }
}

/// The name and value type of an extension point.
public struct ContributionKey<Value>: Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }
}
