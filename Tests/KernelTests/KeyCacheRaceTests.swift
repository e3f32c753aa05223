import Foundation
import HubTestSupport
import Kernel
import Synchronization
import Testing

/// A key revoked while a lookup of it is under way must not come back through the cache
/// that lookup fills when it finishes.
@Suite struct KeyCacheRaceTests {
    /// Knows one key until it is revoked; its first lookup pauses after reading, until
    /// released, so a revocation can happen in between.
    final class PausingStrategy: AuthStrategy, Sendable {
        let kind: PrincipalKind = "toy"
        private let state = Mutex((valid: true, paused: false, released: false, lookups: 0))

        var isPaused: Bool { state.withLock { $0.paused } }
        func revoke() { state.withLock { $0.valid = false } }
        func release() { state.withLock { $0.released = true } }

        func principal(forKeyHash keyHash: String) async throws -> Principal? {
            guard keyHash == APIKey.hash(ToyKeyStrategy.key) else { return nil }
            let (valid, first) = state.withLock { state in
                state.lookups += 1
                return (state.valid, state.lookups == 1)
            }
            if first {
                state.withLock { $0.paused = true }
                while !state.withLock({ $0.released }) { try await Task.sleep(for: .milliseconds(2)) }
            }
            return valid ? Principal(kind: kind, id: "toy-1", customerID: "acme") : nil
        }
    }

    @Test func aKeyRevokedDuringItsLookupIsNotCached() async throws {
        try await withDataDirectory { directory in
            let beacon = ChangeBeacon(dataDirectory: directory)
            let strategy = PausingStrategy()
            let registry = AuthRegistry(strategies: [strategy], changes: beacon.observer())
            let header = "Bearer \(ToyKeyStrategy.key)"
            _ = try await registry.authenticate(authorization: "Bearer \(String(repeating: "0", count: 64))")

            async let slowLookup = registry.authenticate(authorization: header)
            try await eventually("the lookup to have read the key as valid") { strategy.isPaused }
            strategy.revoke()
            beacon.signal()
            // Another request notices the announcement and empties the cache…
            _ = try await registry.authenticate(authorization: "Bearer \(String(repeating: "1", count: 64))")
            // …then the slow lookup finishes with what it read before the revocation.
            strategy.release()
            #expect(try await slowLookup?.id == "toy-1")

            #expect(try await registry.authenticate(authorization: header) == nil, "the revoked key came back from the cache")
        }
    }
}
