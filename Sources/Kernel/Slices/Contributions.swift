import Synchronization

/// Typed extension points between slices.
///
/// An earlier slice that can be extended declares a ``ContributionKey`` and reads what
/// was registered under it; a later slice that requires it registers values there. The
/// key carries the value's type, so a reader gets exactly the type it declared. Values are
/// registered while the hub is assembled — in ``Slice/declarations`` for what must hold
/// whether or not the later slice is enabled (a placeholder the earlier slice answers with
/// meanwhile), in ``Slice/assemble`` for what runs — and the kernel then freezes the
/// registry: nothing changes while requests are served.
///
/// ```swift
/// // host-ingest
/// public static let envelopeSources = ContributionKey<any ControlEnvelopeSource>("host-ingest.envelope-sources")
/// // signed-ops, while assembled
/// environment.contributions.register(SignedOpsEnvelopeSource(…), for: HostIngestSlice.envelopeSources)
/// ```
package final class Contributions: Sendable {
    private struct Registry: Sendable {
        var values: [ObjectIdentifier: any Sendable] = [:]
        var frozen = false
    }

    private let registry = Mutex(Registry())

    package init() {}

    /// Adds `value` under `key`. Registering after the hub is assembled is a programming
    /// error: a reader may already have taken what it needs.
    package func register<Value: Sendable>(_ value: Value, for key: ContributionKey<Value>) {
        registry.withLock { registry in
            precondition(!registry.frozen, "contribution to \(key.name) after the hub was assembled")
            var values = registry.values[ObjectIdentifier(key)].map { Self.typed($0, for: key) } ?? []
            values.append(value)
            registry.values[ObjectIdentifier(key)] = values
        }
    }

    /// Everything registered under `key`, in registration order (slices in dependency
    /// order).
    package func all<Value: Sendable>(for key: ContributionKey<Value>) -> [Value] {
        registry.withLock { registry in registry.values[ObjectIdentifier(key)].map { Self.typed($0, for: key) } ?? [] }
    }

    /// Ends registration; the kernel calls it once every slice is assembled.
    package func freeze() {
        registry.withLock { $0.frozen = true }
    }

    /// The stored array of `key`'s values: only ``register(_:for:)`` stores under a key's
    /// identity, always an array of the key's own value type.
    private static func typed<Value>(_ stored: any Sendable, for key: ContributionKey<Value>) -> [Value] {
        guard let values = stored as? [Value] else { preconditionFailure("contributions to \(key.name) of another type") }
        return values
    }
}

/// The name and value type of an extension point; each key is one point (compared by
/// identity), so declare it once, as a `static let`.
package final class ContributionKey<Value: Sendable>: Sendable {
    package let name: String
    package init(_ name: String) { self.name = name }
}
