import ArgumentParser
import HubCommandLine
import Kernel

/// `hub guests key GUEST_ID`: mints a guest's key on the database directly; a hub serving
/// the same data folder refuses the previous key from its next request on.
struct GuestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "guests", abstract: "Manage controller guests.", subcommands: [Key.self])

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint a guest's key and print it once; the previous key stops working.",
            discussion: "GUEST_ID is <host_id>/<vmid>, as GET /api/v1/admin/hosts/{host_id} lists a host's guests."
        )
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The guest, <host_id>/<vmid>.") var guestID: String

        func run() async throws {
            try await common.withRuntime { runtime in
                try runtime.requireSlice(CutoverVocabulary.sliceName)
                let mint = GuestKeyMint(database: runtime.database, clock: runtime.clock, announceKeyChange: { runtime.announceKeyChange() })
                guard let minted = try await mint.mint(guestID: guestID) else { throw HubError.notFound("no guest \(guestID)") }
                try output.show(minted) { minted in "guest \(minted.id)\napi key (shown once): \(minted.key)" }
            }
        }
    }
}
