import Foundation
import GRDB

/// A moment as the hub stores and sends it: UTC, to the millisecond.
///
/// Its text is RFC 3339 in one fixed-width form, `2026-06-08T10:00:00.000Z`: that is
/// what every stored timestamp column holds and what every answer carries, so a value
/// read back equals the one written, text order is time order (SQL compares the
/// column as text, and its indexes sort it so), and a PostgreSQL store can read the
/// columns unchanged. In Swift, compare values, never their text.
///
/// ```swift
/// let now = Timestamp(clock.now())
/// try db.execute(sql: "UPDATE hosts SET last_report_at = ? WHERE host_id = ?", arguments: [now, hostID])
/// if item.nextAttemptAt <= now { … }
/// ```
package struct Timestamp: Sendable, Hashable, Comparable {
    /// Whole milliseconds since 1970-01-01T00:00:00Z: the precision of the stored text.
    package let millisecondsSince1970: Int64

    package init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// `date`, rounded down to the millisecond.
    package init(_ date: Date) {
        millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Parses an RFC 3339 date-time (`Z` or a numeric offset, any fraction, which is
    /// cut to the millisecond); `nil` for anything else, including impossible dates
    /// like February 30th.
    package init?(rfc3339 text: String) {
        guard let parsed = RFC3339Text(text) else { return nil }
        millisecondsSince1970 = parsed.epochSeconds * 1000 + parsed.milliseconds
    }

    package var date: Date {
        Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000)
    }

    /// This moment moved by `interval` seconds (back when negative), counted in whole
    /// milliseconds so that a moment on the stored grid stays on it.
    package func addingTimeInterval(_ interval: TimeInterval) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + Int64((interval * 1000).rounded()))
    }

    /// The stored form, `2026-06-08T10:00:00.000Z`. Written out digit by digit: the
    /// ingest path formats one for every report, and `String(format:)` costs more than
    /// the rest of the row.
    package var text: String {
        let totalMillis = millisecondsSince1970
        var seconds = time_t(totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000)
        let millis = Int(totalMillis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(Int(parts.tm_year) + 1900, digits: 4, at: 0)
            buffer[4] = 45
            put(Int(parts.tm_mon) + 1, digits: 2, at: 5)
            buffer[7] = 45
            put(Int(parts.tm_mday), digits: 2, at: 8)
            buffer[10] = 84
            put(Int(parts.tm_hour), digits: 2, at: 11)
            buffer[13] = 58
            put(Int(parts.tm_min), digits: 2, at: 14)
            buffer[16] = 58
            put(Int(parts.tm_sec), digits: 2, at: 17)
            buffer[19] = 46
            put(millis, digits: 3, at: 20)
            buffer[23] = 90
            return 24
        }
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// `date` in the stored form: the text of `Timestamp(date)`.
    package static func format(_ date: Date) -> String {
        Timestamp(date).text
    }

    /// Parses an RFC 3339 date-time like ``init(rfc3339:)``, as a `Date` with every digit
    /// of the fraction: for the request readers (``FieldRules``, ``JSONReader``) that
    /// hand a `Date` on.
    package static func parse(_ text: String) -> Date? {
        guard let parsed = RFC3339Text(text) else { return nil }
        return Date(timeIntervalSince1970: Double(parsed.epochSeconds) + parsed.fraction)
    }
}

extension Timestamp: CustomStringConvertible {
    package var description: String { text }
}

extension Timestamp: Codable {
    /// Accepts what ``init(rfc3339:)`` accepts.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let timestamp = Timestamp(rfc3339: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an RFC 3339 timestamp")
        }
        self = timestamp
    }

    /// Always the stored form.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Timestamp: DatabaseValueConvertible {
    /// The stored form, as TEXT.
    package var databaseValue: DatabaseValue {
        text.databaseValue
    }

    /// TEXT that ``init(rfc3339:)`` accepts; `nil` (a decoding error) for anything else.
    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Timestamp? {
        String.fromDatabaseValue(dbValue).flatMap(Timestamp.init(rfc3339:))
    }
}
