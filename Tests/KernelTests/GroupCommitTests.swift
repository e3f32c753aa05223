import Dispatch
import Foundation
import GRDB
import HubTestSupport
import Kernel
import Synchronization
import Testing

/// What a caller of a group commit may rely on: its answer means committed and flushed,
/// a failed flush is never reported as stored, and commits made during a flush share the
/// next one.
@Suite struct GroupCommitTests {
    struct DiskGone: Error {}

    /// A flush a test holds shut until it lets go, counting the flushes made and noting
    /// when each returned among the other steps a test notes.
    final class HeldFlush: Sendable {
        enum Step: Equatable { case flushReturned, answered }

        private let gate = DispatchSemaphore(value: 0)
        private let state = Mutex<(count: Int, held: Bool, failure: DiskGone?)>((0, true, nil))
        private let steps = Mutex<[Step]>([])

        var count: Int { state.withLock { $0.count } }
        var order: [Step] { steps.withLock { $0 } }

        func note(_ step: Step) { steps.withLock { $0.append(step) } }

        func fail(with failure: DiskGone) { state.withLock { $0.failure = failure } }

        /// Lets the waiting flush, and every later one, through.
        func release() {
            state.withLock { $0.held = false }
            gate.signal()
        }

        func callAsFunction() throws {
            let (held, failure) = state.withLock { state in
                state.count += 1
                return (state.held, state.failure)
            }
            if held { gate.wait() }
            note(.flushReturned)
            if let failure { throw failure }
        }
    }

    static func openDatabase(in directory: URL) throws -> HubDatabase {
        let database = try HubDatabase.open(at: directory.appendingPathComponent("hub.sqlite"))
        try database.sqlitePool!.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT NOT NULL)") }
        return database
    }

    static func storedNotes(_ database: HubDatabase) throws -> [String] {
        try database.sqlitePool!.read { db in try String.fetchAll(db, sql: "SELECT text FROM notes ORDER BY rowid") }
    }

    @Test func aWriteIsAnsweredOnlyAfterItsCommitIsFlushed() async throws {
        try await withDataDirectory { directory in
            let database = try Self.openDatabase(in: directory)
            let flush = HeldFlush()
            let writes = GroupCommit(database: database, flush: { try flush() })
            let writer = Task {
                try await writes.write { db in try db.execute(sql: "INSERT INTO notes VALUES ('first')") }
                flush.note(.answered)
            }
            try await eventually("the flush to start") { flush.count == 1 }
            #expect(try Self.storedNotes(database) == ["first"], "committed before the flush")
            flush.release()
            try await writer.value
            #expect(flush.order == [.flushReturned, .answered], "answered only once its flush had returned")
        }
    }

    @Test func aFailedFlushIsReportedToEveryWriterOfTheBatch() async throws {
        try await withDataDirectory { directory in
            let database = try Self.openDatabase(in: directory)
            let flush = HeldFlush()
            flush.fail(with: DiskGone())
            flush.release()
            let writes = GroupCommit(database: database, flush: { try flush() })
            await #expect(throws: DiskGone.self) {
                try await writes.write { db in try db.execute(sql: "INSERT INTO notes VALUES ('lost?')") }
            }
        }
    }

    @Test func commitsMadeDuringAFlushShareTheNextOne() async throws {
        try await withDataDirectory { directory in
            let database = try Self.openDatabase(in: directory)
            let flush = HeldFlush()
            let batches = Recorder<Int>()
            let writes = GroupCommit(database: database, flush: { try flush() }, batchObserver: { batches.append($0) })
            let first = Task { try await writes.write { db in try db.execute(sql: "INSERT INTO notes VALUES ('0')") } }
            try await eventually("the first flush to start") { flush.count == 1 }
            // The writer is free while the first flush is held: these commit one by one.
            var later: [Task<Void, any Error>] = []
            for index in 1...5 {
                later.append(Task { try await writes.write { db in try db.execute(sql: "INSERT INTO notes VALUES (?)", arguments: ["\(index)"]) } })
                try await eventually("commit \(index)") { try Self.storedNotes(database).count == index + 1 }
            }
            #expect(batches.all.count == 6)
            flush.release()
            try await first.value
            for task in later { try await task.value }
            #expect(flush.count == 2, "six commits, two flushes")
        }
    }

    @Test func aThrowingWriteFailsAloneAndItsBatchMatesAreStored() async throws {
        try await withDataDirectory { directory in
            let database = try Self.openDatabase(in: directory)
            let batches = Recorder<Int>()
            let writes = GroupCommit(database: database, batchObserver: { batches.append($0) })
            // Hold the writer so that the three writes queue up and share one batch.
            let writerHeld = DispatchSemaphore(value: 0)
            database.sqlitePool!.asyncWriteWithoutTransaction { _ in writerHeld.wait() }
            let batchMates = (0..<3).map { index in
                Task {
                    try await writes.write { db in
                        try db.execute(sql: "INSERT INTO notes VALUES (?)", arguments: ["b\(index)"])
                        if index == 1 { throw ValidationFailure("refused") }
                    }
                }
            }
            try await eventually("three writes waiting for the writer") { writes.waitingWrites == 3 }
            writerHeld.signal()
            try await batchMates[0].value
            await #expect(throws: ValidationFailure.self) { try await batchMates[1].value }
            try await batchMates[2].value
            #expect(batches.all == [3])
            #expect(try Set(Self.storedNotes(database)) == ["b0", "b2"])
        }
    }

    @Test func otherWritesOfTheDatabaseStayFullySynchronous() async throws {
        try await withDataDirectory { directory in
            let database = try Self.openDatabase(in: directory)
            let writes = GroupCommit(database: database)
            try await writes.write { db in try db.execute(sql: "INSERT INTO notes VALUES ('x')") }
            let level = try await database.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            #expect(level == 2, "FULL")
            #expect(try Self.storedNotes(database) == ["x"])
        }
    }

    @Test func theLogFlushNamesTheFileItCouldNotFlush() throws {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/hub.sqlite")
        #expect {
            try WALFlush(database: missing)()
        } throws: { error in
            "\(error)".contains("hub.sqlite") && (error as? FlushFailure)?.code == ENOENT
        }
    }
}
