import Foundation
import Kernel
import Logging
import Synchronization

/// Chooses the log format once per process (`HUB_LOG_FORMAT`).
package enum LogSetup {
    private static let done = Mutex(false)

    package static func bootstrap(format: HubConfiguration.LogFormat) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        switch format {
        case .json: LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        case .text: LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        }
    }

    package static var logger: Logger { Logger(label: "felhom.hub") }
}
