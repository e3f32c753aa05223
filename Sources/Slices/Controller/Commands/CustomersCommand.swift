import ArgumentParser
import HubCommandLine
import Kernel

/// `hub customers`: customers and their keys, on the database directly.
struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customers", abstract: "Manage customers.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a customer and print its key once.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The customer id: ^[a-z0-9][a-z0-9-]{1,62}$.") var id: String
        @Option(name: .long, help: "A display name.") var name: String?

        func run() async throws {
            try await common.withRuntime { runtime in
                let created = try await CustomerStore(database: runtime.database, clock: runtime.clock).create(customerID: id, name: name)
                try output.show(KeyShownOnce.customer(id, apiKey: created.apiKey)) { _ in
                    "customer \(id) created\napi key (shown once): \(created.apiKey)"
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable { let customers: [Customer] }

        func run() async throws {
            try await common.withRuntime { runtime in
                let customers = try await CustomerStore(database: runtime.database, clock: runtime.clock).list()
                try output.show(Listing(customers: customers)) { listing in
                    var table = TextTable("CUSTOMER", "NAME", "STATUS", "PAID UNTIL", "LAST REPORT")
                    for customer in listing.customers {
                        table.add(
                            customer.customerID, customer.name, customer.status.rawValue, customer.paidUntil?.text ?? "-",
                            customer.lastReportAt?.text ?? "never"
                        )
                    }
                    return table.rendered
                }
            }
        }
    }
}
