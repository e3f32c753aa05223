import HostIngestSlice
import Kernel

/// Slice 4: signed desired state and signed ops (agent protocol §5–§6). Everything the
/// hub tells a host to do is signed with the hub's Ed25519 key in a DSSE envelope, so a
/// host acts only on what that key signed — not on whatever a proxy, a tunnel or a
/// database row says.
package enum SignedOpsSlice {
    package static let slice = Slice(
        name: SignedOpsVocabulary.sliceName,
        number: 4,
        summary: "signed desired state and signed ops: Ed25519 DSSE envelopes, per-host op sequence, op results and expiry",
        requires: [HostIngestVocabulary.sliceName],
        migrations: SignedOpsSchema.migrations,
        flags: SignedOpsVocabulary.flags,
        eventTypes: SignedOpsVocabulary.eventTypes,
        commands: [KeysCommand.self],
        api: SignedOpsAPI.description,
        declarations: { contributions in
            contributions.register(SignedOpsEnvelopeSource.desiredGeneration, for: HostIngestSlice.envelopeFields)
            contributions.register(SignedOpsEnvelopeSource.hasSignedOps, for: HostIngestSlice.envelopeFields)
        },
        assemble: { environment in
            let keys = OpsKeyRing(
                dataDirectory: environment.configuration.dataDirectory, database: environment.database,
                clock: environment.clock, logger: environment.logger
            )
            if environment.database.dialect == .postgres {
                try await keys.checkAgreesWithFleet()
            }
            _ = try await keys.activeKey()
            let store = OpStore(database: environment.database, events: environment.events)
            let cohort = CohortGate(flags: environment.flags)
            environment.contributions.register(
                SignedOpsEnvelopeSource(flags: environment.flags, clock: environment.clock), for: HostIngestSlice.envelopeSources
            )
            let dashboard = SignedOpsDashboard(
                issuer: OpIssuer(store: store, keys: keys, clock: environment.clock),
                writer: DesiredStateWriter(database: environment.database, clock: environment.clock), environment: environment
            )
            environment.contributions.register(dashboard.section, for: HostIngestSlice.hostPageSections)
            return SliceParts(
                routes: [OpsKeysRoute(keys: keys).route]
                    + DesiredStateRoutes(database: environment.database, keys: keys, cohort: cohort, clock: environment.clock).routes
                    + OpRoutes(store: store, keys: keys, cohort: cohort, clock: environment.clock).routes,
                checkers: [OpExpiryChecker(store: store)],
                dashboard: dashboard.parts
            )
        }
    )
}
