import ArgumentParser
import HubCommandLine
import Kernel

/// The process: installs the catalogue for the slices' commands and checks it before
/// parsing, so a catalogue whose slices clash fails every command with the same one line
/// (exit status 2), then runs the command.
@main
enum HubMain {
    static func main() async {
        CommandHub.install(catalogue: SliceCatalogue.all, version: HubVersion.current)
        do {
            try CatalogueCheck(resolver: SliceCatalogue.resolver, kernelMigrations: [])
                .declarations(commands: HubCommand.builtinCommands.map { $0._commandName })
        } catch let error as ConfigurationError {
            CommandFailure.report(error)
            HubCommand.exit(withError: ExitCode(2))
        } catch {
            HubCommand.exit(withError: error)
        }
        await HubCommand.main()
    }
}
