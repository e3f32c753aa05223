import Foundation
import GRDB

/// A JSON document kept in a TEXT column (an event's `payload_json`): written as the
/// hub's JSON text, read back whole. Without this, GRDB would read the text as a JSON
/// string value rather than parse it.
extension JSONValue: DatabaseValueConvertible {
    /// The hub's JSON text. A value JSON cannot hold (a non-finite number) becomes NULL,
    /// which the `NOT NULL` JSON columns refuse, so it is never stored as something else.
    package var databaseValue: DatabaseValue {
        (try? WireJSON.encodeString(self)).databaseValue
    }

    /// TEXT that parses as JSON; `nil` (a decoding error) for anything else.
    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JSONValue? {
        String.fromDatabaseValue(dbValue).flatMap { text in try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }
}
