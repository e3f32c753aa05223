import GRDB

/// One connection inside one transaction, on either engine: what a slice's SQL runs
/// against. Statements use `?` placeholders and the SQL both engines read (see
/// ``SQLDialect`` for the rest); rows come back as GRDB rows, so records decode the same
/// whichever engine answered.
///
/// Synchronous on purpose, like GRDB's own closures: a transaction's work runs on a
/// thread of the store's and holds no lock across an `await`.
package protocol DatabaseSession {
    var dialect: SQLDialect { get }
    func execute(sql: String, arguments: SQLArguments) throws
    /// Every row `sql` answers.
    func fetchRows(sql: String, arguments: SQLArguments) throws -> [Row]
    /// The first column of every row `sql` answers.
    func fetchColumn(sql: String, arguments: SQLArguments) throws -> [DatabaseValue]
    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changesCount: Int { get }
    /// Runs `body` in a savepoint: if it throws, what it wrote is undone alone.
    func inSavepoint<T>(_ body: () throws -> T) throws -> T
    func tableExists(_ name: String) throws -> Bool
    /// Runs SQL holding several statements (a migration), without arguments.
    func executeScript(_ sql: String) throws
}

extension DatabaseSession {
    package func execute(sql: String) throws {
        try execute(sql: sql, arguments: [])
    }
}

extension FetchableRecord {
    package static func fetchAll(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.fetchRows(sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    package static func fetchOne(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.fetchRows(sql: sql, arguments: arguments).first.map { try Self(row: $0) }
    }
}

extension DatabaseValueConvertible {
    /// The first column of every row, NULLs skipped.
    package static func fetchAll(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.fetchColumn(sql: sql, arguments: arguments).compactMap { value in
            value.isNull ? nil : try decoded(value)
        }
    }

    /// The first column of the first row; `nil` when there is no row or it is NULL.
    package static func fetchOne(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> Self? {
        guard let value = try db.fetchColumn(sql: sql, arguments: arguments).first, !value.isNull else { return nil }
        return try decoded(value)
    }

    private static func decoded(_ value: DatabaseValue) throws -> Self {
        guard let decoded = fromDatabaseValue(value) else {
            throw DatabaseSessionError.undecodable(value: "\(value)", as: "\(Self.self)")
        }
        return decoded
    }
}

extension Row {
    package static func fetchAll(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> [Row] {
        try db.fetchRows(sql: sql, arguments: arguments)
    }

    package static func fetchOne(_ db: any DatabaseSession, sql: String, arguments: SQLArguments = []) throws -> Row? {
        try db.fetchRows(sql: sql, arguments: arguments).first
    }
}

package enum DatabaseSessionError: Error, CustomStringConvertible {
    case undecodable(value: String, as: String)

    package var description: String {
        switch self {
        case .undecodable(let value, let type): "the database answered \(value) where \(type) was expected"
        }
    }
}
