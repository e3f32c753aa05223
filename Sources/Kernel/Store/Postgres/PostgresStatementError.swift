import PostgresNIO

/// A statement PostgreSQL refused, said in words: its SQLSTATE, the server's message and
/// the start of the statement. PostgresNIO's own error hides all three from its
/// description; the arguments (which may hold keys) are never part of it.
package struct PostgresStatementError: Error, CustomStringConvertible {
    package let sqlState: String
    package let message: String
    package let statement: String

    init(_ error: PSQLError, sql: String) {
        sqlState = error.serverInfo?[.sqlState] ?? "-"
        message = error.serverInfo?[.message] ?? "\(error.code)"
        statement = String(sql.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(160))
    }

    /// A unique or primary key already holds the value (SQLSTATE 23505).
    package var isUniqueViolation: Bool { sqlState == "23505" }

    package var description: String {
        "PostgreSQL \(sqlState): \(message) (in: \(statement))"
    }
}
