import GRDB
import Logging
import NIOCore
import PostgresNIO

/// A PostgreSQL connection inside one transaction, as a ``DatabaseSession``. It blocks its
/// thread on each statement, as SQLite does: it runs on a thread of ``PostgresStore``'s,
/// never on an event loop or in the concurrency pool.
///
/// The transaction's own bookkeeping (`BEGIN`, the writer's lock, savepoints and their
/// release) is not waited for: it is held back and sent in one go with the next statement
/// whose answer is needed, and a failure among it is thrown there. Such a statement fails
/// only when the transaction or the connection already has, so the next statement would
/// fail anyway; what this saves is a round trip per savepoint (see ``PooledConnection``).
final class PostgresSession: DatabaseSession {
    let connection: PooledConnection
    let logger: Logger
    private var lastChangesCount = 0
    private var savepointDepth = 0
    /// Bookkeeping statements not yet sent, with their text for error messages.
    private var heldBack: [(query: PostgresQuery, sql: String)] = []

    init(connection: PooledConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    /// The rows the last statement that was answered changed; bookkeeping held back since
    /// changes none, as on SQLite.
    var changesCount: Int { lastChangesCount }

    private static func query(_ sql: String, _ arguments: SQLArguments) -> PostgresQuery {
        PostgresQuery(unsafeSQL: PostgresPlaceholders.numbered(sql), binds: PostgresValues.bindings(arguments))
    }

    /// Sends what was held back, then `sql`, and returns `sql`'s answer; the first
    /// failure among them is thrown. `COMMIT` goes this way too, so a transaction is
    /// never answered before everything in it was.
    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        let statements = heldBack + [(Self.query(sql, arguments), sql)]
        heldBack.removeAll()
        let answers = try connection.pipeline(statements.map(\.query), logger: logger)
        for (answer, statement) in zip(answers, statements) {
            do {
                _ = try answer.get()
            } catch let error as PSQLError where !PostgresStore.isConnectionFailure(error) {
                throw PostgresStatementError(error, sql: statement.sql)
            }
        }
        let result = try answers[answers.count - 1].get()
        lastChangesCount = result.metadata.rows ?? 0
        return result
    }

    /// Keeps a bookkeeping statement (no answer needed) for the next statement to carry.
    func holdBack(sql: String, arguments: SQLArguments = []) {
        heldBack.append((Self.query(sql, arguments), sql))
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
        holdBack(sql: "SAVEPOINT \(name)")
        do {
            let value = try body()
            // The body's own statements have all been answered (only bookkeeping is held
            // back), so a release held back cannot hide a failure of the body's.
            holdBack(sql: "RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            holdBack(sql: "ROLLBACK TO SAVEPOINT \(name)")
            holdBack(sql: "RELEASE SAVEPOINT \(name)")
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
