import ArgumentParser
import Foundation
import HubCommandLine
import Kernel

struct FlagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags", abstract: "List or set flags.", subcommands: [List.self, Set.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every flag of the enabled slices.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        struct Listing: Encodable { let flags: [FlagState] }

        func run() async throws {
            try await common.withRuntime { runtime in
                try output.show(Listing(flags: try await runtime.flags.states())) { listing in
                    var table = TextTable("FLAG", "SLICE", "VALUE", "CUSTOMERS", "SOURCE")
                    for state in listing.flags {
                        table.add(
                            state.name, state.slice, state.enabled ? "on" : "off", state.customers.joined(separator: ","), state.source.rawValue
                        )
                    }
                    return table.rendered
                }
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a flag at runtime; a running hub applies it from its next request.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The flag's name.") var name: String
        @Argument(help: "on or off.") var value: String
        @Option(name: .long, help: "Comma-separated customer ids: on for these customers only.") var customers: String?

        func run() async throws {
            try await common.withRuntime { runtime in
                guard value == "on" || value == "off" else { throw ConfigurationError("value must be on or off, not '\(value)'") }
                let cohort = customers.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
                let actor = "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")"
                do {
                    let state = try await runtime.flags.set(name, enabled: value == "on", customers: cohort, actor: actor)
                    try output.show(state) { state in
                        let scope = state.customers.isEmpty ? "" : " for \(state.customers.joined(separator: ","))"
                        return "\(state.name) is \(state.enabled ? "on" : "off")\(scope)"
                    }
                } catch let error as FlagError {
                    throw ConfigurationError(error.description)
                }
            }
        }
    }
}
