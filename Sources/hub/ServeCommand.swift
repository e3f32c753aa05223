import ArgumentParser
import HubCommandLine
import Kernel

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve HTTP, apply pending migrations of enabled slices, run the checkers."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "host:port to serve on (HUB_LISTEN).")
    var listen: String?

    func run() async throws {
        try await CommandFailure.guarding {
            var configuration = try common.configuration()
            if let listen {
                (configuration.listenHost, configuration.listenPort) = try HubConfiguration.parseListen(listen, variable: "--listen")
            }
            LogSetup.bootstrap(format: configuration.logFormat)
            var logger = LogSetup.logger
            logger.logLevel = configuration.logLevel
            let folderLock = try DataFolderLock.serving(configuration.dataDirectory)
            let runtime = try await HubRuntime(configuration: configuration, resolver: SliceCatalogue.resolver, version: HubVersion.current, logger: logger)
            do {
                try await runtime.migrator.migrate(allowDestructive: false)
            } catch let error as MigrationError {
                throw ConfigurationError(error.description)
            }
            let hub = try await runtime.assemble()
            logger.notice("hub serving", metadata: [
                "version": "\(HubVersion.current)",
                "listen": "\(configuration.listenHost):\(configuration.listenPort)",
                "slices": "\(runtime.slices.map(\.name).joined(separator: ","))",
                "data_dir": "\(configuration.dataDirectory.path)",
                "database": "\(runtime.database.location)",
            ])
            try await hub.run()
            withExtendedLifetime(folderLock) {}
        }
    }
}
