import Foundation
import GRDB

/// One area of `hub status` a slice contributes: what it shows on the operator's screen
/// and under which key in `hub status --json`.
///
/// The kernel reads every enabled slice's sections in one consistent snapshot and shows
/// the keys of disabled slices as `null`, so a script reading the JSON sees the same
/// shape whichever slices run.
public struct StatusSection: Sendable {
    /// Its key in the JSON (`customers`).
    public let key: String
    /// Its label on the screen (`CUSTOMERS`).
    public let label: String
    /// Reads the section from the database.
    public let read: @Sendable (StatusContext, Database) throws -> StatusReading

    public init(key: String, label: String, read: @escaping @Sendable (StatusContext, Database) throws -> StatusReading) {
        self.key = key
        self.label = label
        self.read = read
    }
}

/// What a ``StatusSection`` read: the value for the JSON and one line for the screen.
public struct StatusReading: Sendable {
    public let value: any Encodable & Sendable
    public let line: String

    public init(value: any Encodable & Sendable, line: String) {
        self.value = value
        self.line = line
    }
}

/// What a status section may need besides the database.
public struct StatusContext: Sendable {
    public let now: Date
    public let configuration: HubConfiguration

    public init(now: Date, configuration: HubConfiguration) {
        self.now = now
        self.configuration = configuration
    }
}
