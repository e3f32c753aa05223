import GRDB

/// A GRDB connection as a ``DatabaseSession``. Every statement goes through GRDB's
/// per-connection statement cache: the hub's SQL is a fixed set of texts, so each is
/// compiled once per connection.
package struct SQLiteSession: DatabaseSession {
    package let db: Database

    package init(_ db: Database) {
        self.db = db
    }

    package var dialect: SQLDialect { .sqlite }

    package func execute(sql: String, arguments: SQLArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments.statementArguments)
    }

    package func fetchRows(sql: String, arguments: SQLArguments) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    }

    package func fetchColumn(sql: String, arguments: SQLArguments) throws -> [DatabaseValue] {
        try DatabaseValue.fetchAll(db.cachedStatement(sql: sql), arguments: arguments.statementArguments)
    }

    package var changesCount: Int { db.changesCount }

    package func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        try db.inCachedSavepoint(body)
    }

    package func tableExists(_ name: String) throws -> Bool {
        try db.tableExists(name)
    }

    package func executeScript(_ sql: String) throws {
        try db.execute(sql: sql)
    }
}
