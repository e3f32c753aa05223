import Foundation
import GRDB

/// One area of `hub status` a slice contributes: what it shows on the operator's screen
/// and under which key in `hub status --json`.
///
/// The kernel reads every enabled slice's sections in one consistent snapshot and shows
/// the keys of disabled slices as `null`, so a script reading the JSON sees the same
/// shape whichever slices run.
package struct StatusSection: Sendable {
    /// Its key in the JSON (`customers`).
    package let key: String
    /// Its label on the screen (`CUSTOMERS`).
    package let label: String
    /// Reads the section from the database.
    package let read: @Sendable (StatusContext, any DatabaseSession) throws -> StatusReading

    package init(key: String, label: String, read: @escaping @Sendable (StatusContext, any DatabaseSession) throws -> StatusReading) {
        self.key = key
        self.label = label
        self.read = read
    }
}

/// What a ``StatusSection`` read: the value for the JSON and one line for the screen.
package struct StatusReading: Sendable {
    package let value: any Encodable & Sendable
    package let line: String

    package init(value: any Encodable & Sendable, line: String) {
        self.value = value
        self.line = line
    }
}

/// What a status section may need besides the database.
package struct StatusContext: Sendable {
    package let now: Date
    package let configuration: HubConfiguration

    package init(now: Date, configuration: HubConfiguration) {
        self.now = now
        self.configuration = configuration
    }
}
