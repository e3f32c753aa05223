import HTTPTypes

/// Turns an `Authorization` header into a principal by asking every registered strategy.
///
/// Recognised keys are remembered in a bounded cache so a warm key costs no database
/// round trip. The cache is emptied whenever `changes` moves (any process that replaces
/// or revokes a key signals it), so such a key stops working on the next request.
package final class AuthRegistry: Sendable {
    private let strategies: [any AuthStrategy]
    private let cache: PrincipalCache
    private let changes: ChangeBeacon?

    package init(strategies: [any AuthStrategy], changes: ChangeBeacon? = nil, cacheCapacity: Int = 200_000) {
        self.strategies = strategies
        self.changes = changes
        self.cache = PrincipalCache(capacity: cacheCapacity)
    }

    /// The longest header value looked at; anything longer is not a key of ours.
    static let maximumHeaderLength = 512

    /// The principal behind `authorization`, or `nil` when it names no key we know.
    /// Throws ``HubError/unauthorized`` when the header is missing or malformed.
    /// Strategies of the `expected` kinds are asked first (a host key on the host
    /// route costs one lookup); the others still are, so a key of the wrong kind is
    /// recognised and refused with 403 rather than 401.
    package func authenticate(authorization: String?, expected: Set<PrincipalKind> = []) async throws -> Principal? {
        guard let key = Self.bearerKey(authorization) else { throw HubError.unauthorized }
        let keyHash = APIKey.hash(key)
        if changes?.hasChanged() == true { cache.removeAll() }
        if let known = cache.principal(forKeyHash: keyHash) { return known }
        let epoch = cache.epoch
        let ordered = strategies.filter { expected.contains($0.kind) } + strategies.filter { !expected.contains($0.kind) }
        for strategy in ordered {
            if let principal = try await strategy.principal(forKeyHash: keyHash) {
                cache.remember(principal, forKeyHash: keyHash, since: epoch)
                return principal
            }
        }
        return nil
    }

    static func bearerKey(_ header: String?) -> String? {
        guard let header, header.utf8.count <= maximumHeaderLength else { return nil }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let key = String(parts[1])
        guard key.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        return key
    }
}
