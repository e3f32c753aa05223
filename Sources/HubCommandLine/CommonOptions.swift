import ArgumentParser
import Foundation
import Kernel
import Logging

/// Options every command takes; each overrides its environment variable.
package struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder for the database, keys and backups (HUB_DATA_DIR).")
    package var dataDir: String?

    @Option(name: .long, help: "Comma-separated slices to enable (HUB_SLICES).")
    package var slices: String?

    @Option(name: .long, help: "Comma-separated name=on|off flag overrides (HUB_FLAGS).")
    package var flags: String?

    package init() {}

    /// The configuration from the environment with these options on top.
    package func configuration() throws -> HubConfiguration {
        var environment = ProcessInfo.processInfo.environment
        if let dataDir { environment["HUB_DATA_DIR"] = dataDir }
        if let slices { environment["HUB_SLICES"] = slices }
        if let flags { environment["HUB_FLAGS"] = flags }
        return try HubConfiguration.fromEnvironment(environment)
    }

    /// The hub on the configured data folder, with additive migrations applied so that
    /// commands work on a fresh folder too. Routine progress (`info`) is not logged, so
    /// that a failing command leaves its one line on standard error, not a screenful.
    /// A `readOnly` hub writes nothing to an existing database (a dry run).
    package func openRuntime(migrate: Bool = true, readOnly: Bool = false) async throws -> HubRuntime {
        let configuration = try configuration()
        LogSetup.bootstrap(format: configuration.logFormat)
        var logger = LogSetup.logger
        logger.logLevel = max(configuration.logLevel, .notice)
        let runtime = try await HubRuntime(
            configuration: configuration, resolver: CommandHub.resolver, version: CommandHub.version, logger: logger, readOnly: readOnly
        )
        if migrate { try await runtime.migrator.migrate(allowDestructive: false) }
        return runtime
    }

    /// What nearly every command does: opens the hub, runs `work` on it, closes it; any
    /// failure becomes one line on standard error and an exit status
    /// (``CommandFailure``).
    package func withRuntime(migrate: Bool = true, readOnly: Bool = false, _ work: (HubRuntime) async throws -> Void) async throws {
        try await CommandFailure.guarding {
            let runtime = try await openRuntime(migrate: migrate, readOnly: readOnly)
            defer { try? runtime.close() }
            try await work(runtime)
        }
    }
}

/// `--json` for commands that print.
package struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    package var json = false

    package init() {}

    /// Prints `value` as JSON with `--json`, else the lines `text` makes of it.
    package func show<Value: Encodable>(_ value: Value, text: (Value) -> String) throws {
        if json {
            try Console.json(value)
        } else {
            Console.line(text(value))
        }
    }
}
