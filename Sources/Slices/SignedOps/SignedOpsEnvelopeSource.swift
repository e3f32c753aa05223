import GRDB
import HostIngestSlice
import Kernel

/// Fills the host-report envelope (agent protocol §5): the host's desired-state
/// generation, and whether it has pending, unexpired ops — for customers inside the
/// `signed_ops` cohort only; everyone else keeps slice 3's `0` / `false`.
struct SignedOpsEnvelopeSource: ControlEnvelopeSource {
    let flags: FlagBook
    let clock: any HubClock

    func applies(toCustomer customerID: String) async throws -> Bool {
        try await flags.isEnabled(SignedOpsVocabulary.signedOps, for: customerID)
    }

    func facts(forHost hostID: String, in db: Database) throws -> ControlFacts {
        ControlFacts(
            desiredGeneration: try HostDesiredState.generation(hostID: hostID, in: db),
            hasSignedOps: try OpStore.hasPending(hostID: hostID, now: clock.now(), in: db)
        )
    }
}
