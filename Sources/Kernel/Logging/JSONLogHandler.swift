import Foundation
import Logging

/// `HUB_LOG_FORMAT=json`: one JSON object per line (standard error by default), with
/// `time`, `level`, `message`, `logger` and every metadata value as a field.
///
/// The request line carries `request_id`, `method`, `path`, `route`, `status` and
/// `duration_ms`; whole numbers and fractions stay numbers so a log pipeline can
/// compare them. A field whose name says it holds a secret is written as
/// `[redacted]`, a second guard behind the rule that nothing logs key material.
package struct JSONLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (Data) -> Void

    /// `write` receives each line, newline included; tests pass a capture.
    package init(label: String, write: @escaping @Sendable (Data) -> Void = { FileHandle.standardError.write($0) }) {
        self.label = label
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var fields: [String: JSONValue] = [
            "time": .string(Timestamp.format(Date())),
            "level": .string(event.level.rawValue),
            "message": .string("\(event.message)"),
            "logger": .string(label),
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            let name = key == "hb.request.id" ? "request_id" : key
            fields[name] = Self.isSecretName(name) ? .string("[redacted]") : Self.json(value)
        }
        guard var line = try? WireJSON.encodeData(fields) else { return }
        line.append(0x0A)
        write(line)
    }

    /// Numbers logged as numbers stay numbers; everything else is its text.
    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        if case .stringConvertible(let convertible) = value {
            switch convertible {
            case let number as Int: return .number(Double(number))
            case let number as Int64: return .number(Double(number))
            case let number as Double where number.isFinite: return .number(number)
            case let flag as Bool: return .bool(flag)
            default: break
            }
        }
        return .string("\(value)")
    }

    static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["authorization", "secret", "api_key", "apikey", "password", "token"].contains { lowered.contains($0) }
    }
}
