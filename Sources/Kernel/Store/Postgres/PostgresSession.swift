import GRDB
import Logging
import NIOCore
import PostgresNIO

/// A PostgreSQL connection inside one transaction, as a ``DatabaseSession``. It blocks its
/// thread on each statement, as SQLite does: it runs on a thread of ``PostgresStore``'s,
/// never on an event loop or in the concurrency pool.
final class PostgresSession: DatabaseSession {
    let connection: PooledConnection
    let logger: Logger
    private(set) var changesCount = 0
    private var savepointDepth = 0

    init(connection: PooledConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        let query = PostgresQuery(unsafeSQL: PostgresPlaceholders.numbered(sql), binds: PostgresValues.bindings(arguments))
        do {
            let result = try connection.query(query, logger: logger)
            changesCount = result.metadata.rows ?? 0
            return result
        } catch let error as PSQLError where !PostgresStore.isConnectionFailure(error) {
            throw PostgresStatementError(error, sql: sql)
        }
    }

    func execute(sql: String, arguments: SQLArguments) throws {
        _ = try run(sql, arguments)
    }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [Row] {
        try run(sql, arguments).rows.map { row in
            var columns: [String: DatabaseValue] = [:]
            for cell in row {
                columns[cell.columnName] = try PostgresValues.databaseValue(cell)
            }
            return Row(columns)
        }
    }

    func fetchColumn(sql: String, arguments: SQLArguments) throws -> [DatabaseValue] {
        try run(sql, arguments).rows.map { row in
            guard let cell = row.first(where: { _ in true }) else { return .null }
            return try PostgresValues.databaseValue(cell)
        }
    }

    func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "hub_write_\(savepointDepth)"
        try execute(sql: "SAVEPOINT \(name)")
        do {
            let value = try body()
            try execute(sql: "RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            try execute(sql: "ROLLBACK TO SAVEPOINT \(name)")
            try execute(sql: "RELEASE SAVEPOINT \(name)")
            throw error
        }
    }

    func tableExists(_ name: String) throws -> Bool {
        try Int.fetchOne(
            self, sql: "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?",
            arguments: [name]
        ) != nil
    }

    /// PostgresNIO sends every statement as a prepared one, which holds one command: a
    /// script is run statement by statement, in the caller's transaction.
    func executeScript(_ sql: String) throws {
        for statement in PostgresPlaceholders.statements(sql) {
            try execute(sql: statement)
        }
    }
}
