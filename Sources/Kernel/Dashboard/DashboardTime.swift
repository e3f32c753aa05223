/// Times as the dashboard shows them and reads them from forms: UTC, as the hub stores
/// them (the footer of every page says so).
package enum DashboardTime {
    /// `2026-12-01 10:15:03`: a stored time as tables show it.
    package static func display(_ time: Timestamp) -> String {
        String(time.description.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// A time as a `datetime-local` field holds it (`2026-12-01T10:15`).
    package static func formInput(_ time: Timestamp) -> String {
        String(time.description.prefix(16))
    }

    /// What a `datetime-local` field sent (`2026-12-01T10:15`, taken as UTC) or a full
    /// RFC 3339 time; `nil` for anything else.
    package static func parse(_ text: String) -> Timestamp? {
        if let parsed = Timestamp(rfc3339: text) { return parsed }
        let completed = text.count == 16 ? text + ":00Z" : text.count == 19 ? text + "Z" : text
        return Timestamp(rfc3339: completed)
    }
}
