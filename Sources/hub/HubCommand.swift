import ArgumentParser
import HubCommandLine
import Kernel

/// `hub`: the kernel's commands, then every slice's from the catalogue, so a slice's
/// commands come and go with its catalogue line.
struct HubCommand: AsyncParsableCommand {
    static let builtinCommands: [any ParsableCommand.Type] = [
        ServeCommand.self, MigrateCommand.self, StatusCommand.self, SlicesCommand.self, FlagsCommand.self, PruneCommand.self,
        BackupCommand.self, StoreCommand.self,
    ]

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "hub",
            abstract: "The felhom hub: hears from every host agent and controller, notices silence, tells customers.",
            discussion: SettingsHelp.text(catalogue: SliceCatalogue.all),
            version: HubVersion.current,
            subcommands: builtinCommands + SliceCatalogue.all.flatMap(\.commands)
        )
    }
}
