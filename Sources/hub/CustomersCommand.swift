import ArgumentParser
import ControllerSlice
import Kernel

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customers", abstract: "Manage customers.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a customer and print its key once.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The customer id: ^[a-z0-9][a-z0-9-]{1,62}$.") var id: String
        @Option(name: .long, help: "A display name.") var name: String?

        func run() async throws {
            try await CommandFailure.guarding {
                let runtime = try await common.openRuntime(logger: LogSetup.logger)
                defer { try? runtime.close() }
                let created = try await CustomerStore(database: runtime.database, clock: runtime.clock).create(customerID: id, name: name)
                if output.json { return try Console.json(KeyShownOnce.customer(id, apiKey: created.apiKey)) }
                Console.line("customer \(id) created")
                Console.line("api key (shown once): \(created.apiKey)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable { let customers: [Customer] }

        func run() async throws {
            try await CommandFailure.guarding {
                let runtime = try await common.openRuntime(logger: LogSetup.logger)
                defer { try? runtime.close() }
                let customers = try await CustomerStore(database: runtime.database, clock: runtime.clock).list()
                if output.json { return try Console.json(Listing(customers: customers)) }
                var table = TextTable("CUSTOMER", "NAME", "STATUS", "PAID UNTIL", "LAST REPORT")
                for customer in customers {
                    table.add(customer.customerID, customer.name, customer.status.rawValue, customer.paidUntil?.text ?? "-", customer.lastReportAt?.text ?? "never")
                }
                Console.line(table.rendered)
            }
        }
    }
}
