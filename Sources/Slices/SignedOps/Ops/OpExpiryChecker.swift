import Foundation
import Kernel

/// Expires pending ops whose `expires_at` has come, each with one `op_expired` event.
/// The op's own status is the record of the transition, so a restart or a second tick
/// never emits it again.
struct OpExpiryChecker: Checker {
    var name: String { SignedOpsVocabulary.expiryChecker }
    let store: OpStore

    func check(now: Date) async throws {
        try await store.expireOverdue(now: now)
    }
}
