import Foundation
import HubTestSupport
import Kernel
import Testing

/// What a write relies on from a savepoint on either store: a statement that fails inside
/// one is undone alone, the error names that statement, and the transaction carries on.
/// (On PostgreSQL the savepoint's own statements travel with the next statement, so this
/// is also where a failure is shown to land on the right statement.)
@Suite struct SavepointTests {
    static let notes = Migration.additive("toy-001-notes", sql: """
        CREATE TABLE IF NOT EXISTS toy_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
        """)

    func texts(_ database: HubDatabase) async throws -> [String] {
        try await database.read { db in try String.fetchAll(db, sql: "SELECT text FROM toy_notes ORDER BY id") }
    }

    @Test func aFailureInsideASavepointIsUndoneAloneAndNamesItsStatement() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.notes])])
            try await runtime.migrator.migrate(allowDestructive: false)
            let failure = try await runtime.database.write { db -> String in
                try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('before')")
                var failure = ""
                do {
                    try db.inSavepoint {
                        try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('undone')")
                        try db.inSavepoint { try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('inner')") }
                        try db.execute(sql: "INSERT INTO toy_notes (text) VALUES (NULL)")
                    }
                } catch {
                    failure = "\(error)"
                }
                try db.inSavepoint { try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('after')") }
                try db.execute(sql: "UPDATE toy_notes SET text = text || '!' WHERE text IN ('before', 'after')")
                #expect(db.changesCount == 2)
                return failure
            }
            #expect(failure.contains("NULL") || failure.contains("null"), "\(failure)")
            #expect(!failure.contains("SAVEPOINT"), "the failure is the insert's, not the savepoint's: \(failure)")
            #expect(try await texts(runtime.database) == ["before!", "after!"])
        }
    }

    @Test func aThrowingWriteLeavesNothingAndTheNextWriteWorks() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [toySlice(migrations: [Self.notes])])
            try await runtime.migrator.migrate(allowDestructive: false)
            await #expect(throws: (any Error).self) {
                try await runtime.database.write { db in
                    try db.inSavepoint { try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('rolled back')") }
                    try db.execute(sql: "INSERT INTO toy_notes (text) VALUES (NULL)")
                }
            }
            try await runtime.database.write { db in try db.execute(sql: "INSERT INTO toy_notes (text) VALUES ('next')") }
            #expect(try await texts(runtime.database) == ["next"])
        }
    }
}
