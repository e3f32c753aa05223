import ArgumentParser
import HubCommandLine
import Kernel

/// `hub enroll-token CUSTOMER_ID`: issues an enrollment token and prints it once.
struct EnrollTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll-token", abstract: "Issue an enrollment token for a customer and print it once."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The customer whose host the token enrolls.") var customerID: String
    @Option(name: .long, help: "How long the token is valid (default 86400, at most 2592000).") var ttlSeconds: Int?
    @Option(name: .long, help: "How many hosts it may enroll (default 1, at most 1000).") var uses: Int?
    @Option(name: .long, help: "A label for operators.") var label: String?

    func run() async throws {
        try await common.withRuntime { runtime in
            try runtime.requireSlice(EnrollmentVocabulary.sliceName)
            let request = try TokenRequest(customerID: customerID, ttlSeconds: ttlSeconds, uses: uses, label: label)
            let issued = try await TokenStore(database: runtime.database, clock: runtime.clock).issue(request)
            try output.show(TokenAdminRoutes.Issued(issued.token, secret: issued.secret)) { issued in
                """
                token \(issued.tokenID) for \(issued.customerID): \(issued.uses) use(s), expires \(issued.expiresAt)
                token (shown once): \(issued.token)
                """
            }
        }
    }
}
