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

    static var version: String {
        installed.withLock { $0?.version } ?? "unknown"
    }
}
