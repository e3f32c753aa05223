import ArgumentParser
import HubCommandLine
import Kernel

/// `hub hosts`: the provisional mint and the host list, on the database directly, and
/// what later slices add to the group (``Kernel/CommandExtension``).
struct HostsCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: HostIngestVocabulary.hostsCommandGroup, abstract: "Manage hosts.",
            subcommands: [Mint.self, List.self] + CommandHub.subcommands(extending: HostIngestVocabulary.hostsCommandGroup)
        )
    }

    struct Mint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mint a host for a customer and print its key once (provisional; needs flag admin_mint)."
        )
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The customer the host belongs to.") var customerID: String
        @Option(name: .long, help: "A label for operators.") var label: String?

        func run() async throws {
            try await common.withRuntime { runtime in
                try runtime.requireSlice(HostIngestVocabulary.sliceName)
                guard try await runtime.flags.isEnabled(HostIngestVocabulary.adminMint) else {
                    throw ConfigurationError("flag admin_mint is off: hosts are not minted by operators")
                }
                let minted = try await HostStore(database: runtime.database, clock: runtime.clock).mint(customerID: customerID, label: label)
                try output.show(KeyShownOnce.host(minted.host.hostID, apiKey: minted.apiKey)) { _ in
                    "host \(minted.host.hostID) minted for \(customerID)\napi key (shown once): \(minted.apiKey)"
                }
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
            try await common.withRuntime { runtime in
                let hosts = try await HostStore(database: runtime.database, clock: runtime.clock).hosts(customerID: customer)
                try output.show(Listing(hosts: hosts)) { listing in
                    var table = TextTable("HOST", "CUSTOMER", "LABEL", "AGENT", "LAST REPORT")
                    for host in listing.hosts {
                        table.add(host.hostID, host.customerID, host.label, host.agentVersion ?? "-", host.lastReportAt?.text ?? "never")
                    }
                    return table.rendered
                }
            }
        }
    }
}
