import ArgumentParser

@main
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub",
        abstract: "The felhom hub: hears from every host agent and controller, notices silence, tells customers.",
        version: HubVersion.current,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, StatusCommand.self, SlicesCommand.self, FlagsCommand.self, CustomersCommand.self,
            HostsCommand.self, KeysCommand.self, PruneCommand.self,
        ]
    )
}
