/// Recognises the keys of one kind.
///
/// A strategy is handed the SHA-256 of a presented key, never the key, and answers the
/// principal it belongs to or `nil`. Strategies are registered by slices; the kernel
/// asks each in turn.
package protocol AuthStrategy: Sendable {
    /// The kind of principal this strategy produces.
    var kind: PrincipalKind { get }

    func principal(forKeyHash keyHash: String) async throws -> Principal?
}
