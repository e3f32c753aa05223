import ArgumentParser
import Foundation
import Kernel
import Logging

/// Options every command takes; each overrides its environment variable.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder for the database, keys and backups (HUB_DATA_DIR).")
    var dataDir: String?

    @Option(name: .long, help: "Comma-separated slices to enable (HUB_SLICES).")
    var slices: String?

    @Option(name: .long, help: "Comma-separated name=on|off flag overrides (HUB_FLAGS).")
    var flags: String?

    /// The configuration from the environment with these options on top.
    func configuration() throws -> HubConfiguration {
        var environment = ProcessInfo.processInfo.environment
        if let dataDir { environment["HUB_DATA_DIR"] = dataDir }
        if let slices { environment["HUB_SLICES"] = slices }
        if let flags { environment["HUB_FLAGS"] = flags }
        return try HubConfiguration.fromEnvironment(environment)
    }

    /// The hub on the configured data folder, with additive migrations applied so that
    /// commands work on a fresh folder too. Routine progress (`info`) is not logged, so
    /// that a failing command leaves its one line on standard error, not a screenful.
    func openRuntime(logger: Logger, migrate: Bool = true) async throws -> HubRuntime {
        let configuration = try configuration()
        LogSetup.bootstrap(format: configuration.logFormat)
        var logger = logger
        logger.logLevel = max(configuration.logLevel, .notice)
        let runtime = try HubRuntime(configuration: configuration, resolver: SliceCatalogue.resolver, version: HubVersion.current, logger: logger)
        if migrate { try await runtime.migrator.migrate(allowDestructive: false) }
        return runtime
    }
}

/// `--json` for commands that print.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
