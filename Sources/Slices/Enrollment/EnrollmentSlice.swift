import ControllerSlice
import HostIngestSlice
import Kernel
import SignedOpsSlice

/// Slices 7–8: enrollment. An installer holding a one-off or few-use token turns a fresh
/// host into an enrolled one with no operator key on the customer's premises; hosts
/// rotate their keys; operators revoke hosts. While enabled, host-ingest's provisional
/// paths (`admin_mint`, `global_key_bootstrap`) default off.
package enum EnrollmentSlice {
    package static let slice = Slice(
        name: EnrollmentVocabulary.sliceName,
        number: 7,
        summary: "enrollment tokens turn fresh hosts into enrolled ones; host key rotation and revocation",
        requires: [HostIngestVocabulary.sliceName],
        enabledByDefault: false,
        migrations: EnrollmentSchema.migrations,
        flagEffects: [.defaultsOff(HostIngestVocabulary.adminMint), .defaultsOff(HostIngestVocabulary.globalKeyBootstrap)],
        eventTypes: EnrollmentVocabulary.eventTypes,
        settings: [EnrollmentVocabulary.failuresPerMinute.definition],
        commands: [EnrollTokenCommand.self, EnrollTokensCommand.self],
        commandExtensions: [CommandExtension(group: HostIngestVocabulary.hostsCommandGroup, command: HostsRevokeCommand.self)],
        api: EnrollmentAPI.description,
        assemble: { environment in
            let hosts = HostStore(database: environment.database, clock: environment.clock)
            let tokens = TokenStore(database: environment.database, clock: environment.clock)
            let announce: @Sendable () -> Void = { environment.announceKeyChange() }
            // Signed-ops is earlier on the roadmap but may be off: then there are no ops keys to pin.
            let opsKeys = environment.enabledSlices.contains(SignedOpsVocabulary.sliceName)
                ? OpsKeyRing(
                    dataDirectory: environment.configuration.dataDirectory, database: environment.database,
                    clock: environment.clock, logger: environment.logger
                ) : nil
            let enroll = EnrollRoute(
                database: environment.database, hosts: hosts, events: environment.events, clock: environment.clock,
                limiter: FailureLimiter(limit: environment.settings[EnrollmentVocabulary.failuresPerMinute]), opsKeys: opsKeys,
                pollIntervalSeconds: environment.settings[ControllerSettings.pollInterval]
            )
            let rotation = HostKeyRotation(database: environment.database, hosts: hosts, clock: environment.clock, announceKeyChange: announce)
            let revocation = HostRevocation(database: environment.database, hosts: hosts, events: environment.events)
            return SliceParts(
                routes: [enroll.route, rotation.route, HostRevocationRoute(revocation: revocation, announceKeyChange: announce).route]
                    + TokenAdminRoutes(tokens: tokens).routes,
                authStrategies: [rotation.strategy],
                dashboard: EnrollmentDashboard(tokens: tokens, hosts: hosts, revocation: revocation, announceKeyChange: announce)
                    .assemble(environment)
            )
        }
    )
}
