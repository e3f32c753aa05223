/// The operators' key. Held only as its hash, compared in constant time.
package struct GlobalKeyStrategy: AuthStrategy {
    package let kind: PrincipalKind = .global
    private let keyHash: String

    package init(keyHash: String) {
        self.keyHash = keyHash
    }

    package func principal(forKeyHash presented: String) async throws -> Principal? {
        APIKey.constantTimeEqual(presented, keyHash) ? Principal(kind: .global, id: "global", customerID: nil) : nil
    }
}
