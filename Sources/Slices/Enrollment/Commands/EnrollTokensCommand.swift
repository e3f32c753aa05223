import ArgumentParser
import HubCommandLine
import Kernel

/// `hub enroll-tokens list|revoke`: the tokens issued (never the tokens themselves).
struct EnrollTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll-tokens", abstract: "List or revoke enrollment tokens.", subcommands: [List.self, Revoke.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List enrollment tokens, newest first.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .long, help: "Only this customer's tokens.") var customer: String?

        func run() async throws {
            try await common.withRuntime { runtime in
                try runtime.requireSlice(EnrollmentVocabulary.sliceName)
                let tokens = try await TokenStore(database: runtime.database, clock: runtime.clock).tokens(customerID: customer)
                try output.show(TokenAdminRoutes.Listing(tokens: tokens)) { listing in
                    var table = TextTable("TOKEN", "CUSTOMER", "LABEL", "USED", "EXPIRES", "REVOKED")
                    for token in listing.tokens {
                        table.add(
                            token.tokenID, token.customerID, token.label ?? "", "\(token.used)/\(token.uses)", token.expiresAt.text,
                            token.revokedAt?.text ?? "-"
                        )
                    }
                    return table.rendered
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an enrollment token: it enrolls nothing more.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The token's id (et-…), as listed.") var tokenID: String

        func run() async throws {
            try await common.withRuntime { runtime in
                try runtime.requireSlice(EnrollmentVocabulary.sliceName)
                guard try await TokenStore(database: runtime.database, clock: runtime.clock).revoke(tokenID: tokenID) else {
                    throw HubError.notFound("no enrollment token \(tokenID)")
                }
                Console.line("token \(tokenID) revoked")
            }
        }
    }
}
