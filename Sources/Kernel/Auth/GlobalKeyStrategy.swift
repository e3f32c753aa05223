/// The operators' key. Held only as its hash, compared in constant time.
public struct GlobalKeyStrategy: AuthStrategy {
    public let kind: PrincipalKind = .global
    private let keyHash: String

    public init(keyHash: String) {
        self.keyHash = keyHash
    }

    public func principal(forKeyHash presented: String) async throws -> Principal? {
        APIKey.constantTimeEqual(presented, keyHash) ? Principal(kind: .global, id: "global", customerID: nil) : nil
    }
}
