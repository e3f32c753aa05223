import ArgumentParser
import HostIngestSlice
import Kernel

struct HostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hosts", abstract: "Manage hosts.", subcommands: [Mint.self, List.self])

    struct Mint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint a host for a customer and print its key once (provisional; needs flag admin_mint)."
        )
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The customer the host belongs to.") var customerID: String
        @Option(name: .long, help: "A label for operators.") var label: String?

        func run() async throws {
            try await CommandFailure.guarding {
                let runtime = try await common.openRuntime(logger: LogSetup.logger)
                defer { try? runtime.close() }
                guard runtime.slices.contains(where: { $0.name == HostIngestVocabulary.sliceName }) else {
                    throw ConfigurationError("slice host-ingest is not enabled")
                }
                guard try await runtime.flags.isEnabled(HostIngestVocabulary.adminMint) else {
                    throw ConfigurationError("flag admin_mint is off: hosts are not minted by operators")
                }
                let minted = try await HostStore(database: runtime.database, clock: runtime.clock).mint(customerID: customerID, label: label)
                if output.json { return try Console.json(KeyShownOnce.host(minted.host.hostID, apiKey: minted.apiKey)) }
                Console.line("host \(minted.host.hostID) minted for \(customerID)")
                Console.line("api key (shown once): \(minted.apiKey)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List hosts.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .long, help: "Only this customer's hosts.") var customer: String?

        struct Listing: Encodable { let hosts: [Host] }

        func run() async throws {
            try await CommandFailure.guarding {
                let runtime = try await common.openRuntime(logger: LogSetup.logger)
                defer { try? runtime.close() }
                let hosts = try await HostStore(database: runtime.database, clock: runtime.clock).hosts(customerID: customer)
                if output.json { return try Console.json(Listing(hosts: hosts)) }
                var table = TextTable("HOST", "CUSTOMER", "LABEL", "AGENT", "LAST REPORT")
                for host in hosts {
                    table.add(host.hostID, host.customerID, host.label, host.agentVersion ?? "-", host.lastReportAt?.text ?? "never")
                }
                Console.line(table.rendered)
            }
        }
    }
}
