import ArgumentParser
import Kernel
import Synchronization

/// The catalogue and version of the executable that runs the commands: slices' commands
/// open the hub with them. The executable installs them once, before it parses its
/// arguments (a command-line tool has exactly one catalogue).
package enum CommandHub {
    private static let installed = Mutex<(resolver: SliceResolver, version: String)?>(nil)

    package static func install(catalogue: [Slice], version: String) {
        installed.withLock { $0 = (SliceResolver(catalogue: catalogue), version) }
    }

    static var resolver: SliceResolver {
        guard let resolver = installed.withLock({ $0?.resolver }) else { preconditionFailure("CommandHub.install was not called") }
        return resolver
    }

    /// What later slices of the catalogue add to the command group `group`; nothing
    /// before the catalogue is installed.
    package static func subcommands(extending group: String) -> [any ParsableCommand.Type] {
        let catalogue = installed.withLock { $0?.resolver.orderedCatalogue } ?? []
        return catalogue.flatMap(\.commandExtensions).filter { $0.group == group }.map(\.command)
    }

    static var version: String {
        installed.withLock { $0?.version } ?? "unknown"
    }
}
