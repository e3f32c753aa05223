import Foundation
import Logging

/// `HUB_LOG_FORMAT=json`: one JSON object per line on standard error, with the level,
/// the message, the label and every metadata value as a field.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [
            "time": Timestamp.format(Date()),
            "level": event.level.rawValue,
            "message": "\(event.message)",
            "logger": label,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key == "hb.request.id" ? "request_id" : key] = "\(value)"
        }
        guard var line = try? WireJSON.encodeData(fields) else { return }
        line.append(0x0A)
        FileHandle.standardError.write(line)
    }
}
