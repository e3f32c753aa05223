import GRDB
import HostIngestSlice
import Kernel

/// Fills the host-report envelope (agent protocol §5): the host's desired-state
/// generation, and whether it has pending, unexpired ops — for customers inside the
/// `signed_ops` cohort only; everyone else gets the placeholders `0` / `false`.
struct SignedOpsEnvelopeSource: ControlEnvelopeSource {
    static let desiredGeneration = EnvelopeField(name: "desired_generation", placeholder: .integer(0))
    static let hasSignedOps = EnvelopeField(name: "has_signed_ops", placeholder: .boolean(false))

    let flags: FlagBook
    let clock: any HubClock

    func applies(toCustomer customerID: String) async throws -> Bool {
        try await flags.isEnabled(SignedOpsVocabulary.signedOps, for: customerID)
    }

    func fields(forHost hostID: String, in db: any DatabaseSession) throws -> [String: EnvelopeValue] {
        [
            Self.desiredGeneration.name: .integer(try HostDesiredState.generation(hostID: hostID, in: db)),
            Self.hasSignedOps.name: .boolean(try OpStore.hasPending(hostID: hostID, now: clock.now(), in: db)),
        ]
    }
}
