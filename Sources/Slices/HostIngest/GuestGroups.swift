/// How a report's guests are written: in groups of 64, 32, 16, 8, 4, 2 or 1, largest
/// first, one upsert statement per group. One statement per report would be fewest, but
/// a prepared statement is kept for every distinct text, and a report may name any number
/// of guests up to a thousand; these seven sizes bound the texts while a typical report
/// (a handful of guests) still takes one or two statements.
package enum GuestGroups {
    package static let largest = 64

    package static func split<Element>(_ guests: [Element]) -> [ArraySlice<Element>] {
        var groups: [ArraySlice<Element>] = []
        var start = guests.startIndex
        while start < guests.endIndex {
            var size = largest
            while size > guests.endIndex - start { size /= 2 }
            groups.append(guests[start..<start + size])
            start += size
        }
        return groups
    }

    /// The upsert of `rows` guests; the text is made once per size.
    static func upsertSQL(rows: Int) -> String {
        texts[rows] ?? text(rows: rows)
    }

    private static let texts: [Int: String] = Dictionary(
        uniqueKeysWithValues: sequence(first: largest) { $0 > 1 ? $0 / 2 : nil }.map { ($0, text(rows: $0)) }
    )

    private static func text(rows: Int) -> String {
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
        return """
            INSERT INTO guests (guest_id, host_id, vmid, display_name, status, controller_version, last_seen_at, created_at, updated_at)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            ON CONFLICT(guest_id) DO UPDATE SET display_name = excluded.display_name, status = excluded.status,
                controller_version = excluded.controller_version, vmid = excluded.vmid,
                last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at
            """
    }
}
