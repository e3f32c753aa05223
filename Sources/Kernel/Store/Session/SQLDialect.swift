/// Which SQL the store speaks. Most of the hub's statements read the same on both; this
/// is where the few that cannot (reading a JSON array as rows, numbering time buckets,
/// column types in a schema) say how each engine writes them.
package enum SQLDialect: String, Sendable {
    case sqlite, postgres

    /// The rows of a JSON array of arrays bound as one parameter: `FROM` this, then
    /// ``jsonElement(_:)`` for each column. Keeps a batch of thousands one statement.
    package var jsonArrayRows: String {
        switch self {
        case .sqlite: "json_each(?)"
        case .postgres: "json_array_elements(CAST(? AS json)) WITH ORDINALITY AS rows(value, key)"
        }
    }

    /// The `index`th element, as text, of the current row of ``jsonArrayRows``.
    package func jsonElement(_ index: Int) -> String {
        switch self {
        case .sqlite: "json_extract(value, '$[\(index)]')"
        case .postgres: "(value->>\(index))"
        }
    }

    /// The elements of a JSON array of strings bound as one parameter, as a subquery
    /// for `IN (…)`.
    package var jsonArrayValues: String {
        switch self {
        case .sqlite: "SELECT value FROM json_each(?)"
        case .postgres: "SELECT json_array_elements_text(CAST(? AS json))"
        }
    }

    /// After rows were inserted with their ids given, makes the table's next generated id
    /// follow the largest: PostgreSQL's identity counter does not look at the rows, where
    /// SQLite's AUTOINCREMENT does.
    package func identityCatchUpSQL(table: String, column: String = "id") -> String? {
        switch self {
        case .sqlite: nil
        case .postgres:
            "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), COALESCE((SELECT MAX(\(column)) FROM \(table)), 0) + 1, false)"
        }
    }

    /// What identifies a row of the table `alias` for paging and joining it to itself:
    /// SQLite's row number (its indexes hold it), or the primary key on PostgreSQL.
    package func rowKey(_ alias: String, primaryKey: String) -> String {
        switch self {
        case .sqlite: "\(alias).rowid"
        case .postgres: "\(alias).\(primaryKey)"
        }
    }

    /// LIKE that ignores the case of ASCII letters, as SQLite's LIKE does.
    package var caseInsensitiveLike: String {
        switch self {
        case .sqlite: "LIKE"
        case .postgres: "ILIKE"
        }
    }

    /// Seconds since 1970 of a column holding the hub's RFC 3339 text timestamps.
    package func epochSeconds(_ column: String) -> String {
        switch self {
        case .sqlite: "CAST(strftime('%s', \(column)) AS INTEGER)"
        case .postgres: "CAST(EXTRACT(EPOCH FROM CAST(\(column) AS timestamptz)) AS BIGINT)"
        }
    }
}
