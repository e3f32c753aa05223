import ArgumentParser
import HostIngestSlice
import HubCommandLine
import Kernel

/// `hub hosts revoke HOST_ID`: added to host-ingest's `hub hosts` group. A hub serving
/// the same data folder refuses the host's key from its next request on.
struct HostsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a host: its key stops working at once; its history stays."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The host to revoke.") var hostID: String
    @Option(name: .long, help: "Why, for the event log.") var reason: String?

    func run() async throws {
        try await common.withRuntime { runtime in
            try runtime.requireSlice(EnrollmentVocabulary.sliceName)
            let revocation = HostRevocation(
                database: runtime.database, hosts: HostStore(database: runtime.database, clock: runtime.clock), events: runtime.events
            )
            guard let host = try await revocation.revoke(hostID: hostID, reason: reason) else {
                throw HubError.notFound("no host \(hostID)")
            }
            runtime.announceKeyChange()
            try output.show(host) { host in "host \(host.hostID) revoked at \(host.revokedAt?.text ?? "-")" }
        }
    }
}
