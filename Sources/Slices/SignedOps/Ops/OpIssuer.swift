import Foundation
import Kernel

/// Issuing an op as the operator asks for it, whether through the admin API or the
/// dashboard: the type must be known, its arguments pass its schema, and the store
/// checks the host (404 unknown, 409 `host_revoked`) and signs with the active key.
struct OpIssuer: Sendable {
    let store: OpStore
    let keys: OpsKeyRing
    let clock: any HubClock

    /// The op type `request` names, with its arguments checked: what would be signed.
    /// Throws 400 `invalid_op` naming what is wrong.
    static func validate(_ request: OpRequest) throws -> (type: OpType, arguments: ValidatedArguments) {
        guard let type = OpRegistry.type(named: request.type) else {
            throw OpType.invalid("type: unknown op type '\(request.type)' (known: \(OpRegistry.types.map(\.name).joined(separator: ", ")))")
        }
        return (type, try type.validate(request.args))
    }

    func issue(_ request: OpRequest, to hostID: String) async throws -> OpStore.Issued {
        let (type, arguments) = try Self.validate(request)
        let key = try await keys.activeKey()
        return try await store.issue(hostID: hostID, type: type, arguments: arguments, ttlSeconds: request.ttlSeconds, now: clock.now(), key: key)
    }
}
