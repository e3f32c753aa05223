import Foundation
import Logging
import Synchronization

/// Keeps every log line a hub writes, so tests can look for what must never be logged.
package final class LogCapture: Sendable {
    static let echoesErrors = ProcessInfo.processInfo.environment["HUB_TEST_ECHO_ERRORS"] == "1"
    private let lines = Mutex<[String]>([])

    package init() {}

    /// A logger at `trace` whose lines land here as `level message key=value… error`.
    package var logger: Logger {
        var logger = Logger(label: "test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    package var all: [String] { lines.withLock { $0 } }
    package var text: String { all.joined(separator: "\n") }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            for (key, value) in metadataProvider?.get() ?? [:] { merged[key] = value }
            for (key, value) in event.metadata ?? [:] { merged[key] = value }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let line = "\(event.level) \(event.message) \(fields)" + (event.error.map { " \($0)" } ?? "")
            capture.append(line)
            // HUB_TEST_ECHO_ERRORS=1 shows the hubs' own errors beside a failing test's report.
            if event.level >= .error, LogCapture.echoesErrors { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
    }
}
