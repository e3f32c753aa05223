import Kernel

/// The host-facing routes exist only for hosts whose customer is inside the
/// `signed_ops` cohort; for every other host they answer 404, as if the slice were off.
/// (The kernel's route gate cannot do this: it asks about the flag globally, before it
/// knows the key's customer.)
struct CohortGate: Sendable {
    let flags: FlagBook

    struct Admitted: Sendable {
        let hostID: String
        let customerID: String
    }

    func admit(_ request: HubRequest) async throws -> Admitted {
        let principal = try request.requirePrincipal()
        guard let customerID = principal.customerID, try await flags.isEnabled(SignedOpsVocabulary.signedOps, for: customerID) else {
            throw HubError.notFound()
        }
        return Admitted(hostID: principal.id, customerID: customerID)
    }
}
