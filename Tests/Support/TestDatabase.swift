import Foundation
import Kernel
import GRDB
import Logging
import Synchronization

/// Which store the tests' hubs use. By default each hub has its SQLite file in its own
/// data folder; with `HUB_TEST_DATABASE_URL` set (a PostgreSQL server the tests may
/// create databases on, as `.ci/run` starts one) each hub gets a fresh PostgreSQL
/// database of its own instead, so the same tests cover both stores.
package enum TestDatabase {
    package static let serverURL = ProcessInfo.processInfo.environment["HUB_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    package static var isPostgres: Bool { serverURL != nil }

    /// Which database each test hub's data folder goes with, so a `hub …` process a test
    /// runs on that folder finds the same data.
    private static let databases = Mutex<[String: PostgresAddress]>([:])

    package static func register(_ address: PostgresAddress, for dataDirectory: URL) {
        databases.withLock { $0[dataDirectory.standardizedFileURL.path] = address }
    }

    package static func address(of dataDirectory: URL) -> PostgresAddress? {
        databases.withLock { $0[dataDirectory.standardizedFileURL.path] }
    }

    /// The database a test hub on `dataDirectory` uses: the folder's own if it had a hub
    /// (a hub opened again finds its data, as it would its SQLite file), else a fresh one,
    /// registered for the folder; `nil` when the tests, or this test (`onSQLite`), run on
    /// SQLite.
    package static func database(for dataDirectory: URL, onSQLite: Bool) async throws -> PostgresAddress? {
        if let known = address(of: dataDirectory) { return known }
        guard !onSQLite, let database = try await fresh() else { return nil }
        register(database, for: dataDirectory)
        return database
    }

    /// A new, empty database on the test server; `nil` when the tests run on SQLite.
    package static func fresh() async throws -> PostgresAddress? {
        guard let serverURL else { return nil }
        let server = try PostgresAddress(url: serverURL)
        let name = "hub_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let store = try PostgresStore(address: server, connections: 1, logger: Logger(label: "test-database"))
        defer { store.close() }
        try await store.withConnection { db in try db.executeScript("CREATE DATABASE \(name)") }
        var url = URLComponents(string: serverURL)!
        url.path = "/" + name
        return try PostgresAddress(url: url.string!)
    }

    /// The URL a hub process (`hub …` run by a test) needs to reach `address`'s database.
    package static func url(of address: PostgresAddress) -> String? {
        guard let serverURL, var url = URLComponents(string: serverURL) else { return nil }
        url.path = "/" + address.database
        return url.string
    }
}

extension HubDatabase {
    /// The first row `sql` answers, read in its own snapshot (a GRDB row is not
    /// Sendable, so it is rebuilt outside the read from its columns).
    package func row(_ sql: String, _ arguments: SQLArguments = []) async throws -> Row? {
        try await rows(sql, arguments).first
    }

    /// Every row `sql` answers, as ``row(_:_:)`` does.
    package func rows(_ sql: String, _ arguments: SQLArguments = []) async throws -> [Row] {
        let columns = try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Dictionary(row.map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            }
        }
        return columns.map { Row($0) }
    }
}
