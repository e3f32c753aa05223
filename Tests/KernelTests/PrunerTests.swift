import Foundation
import HubTestSupport
import GRDB
import Kernel
import Synchronization
import Testing

enum ReportToys {
    static let migration = Migration.additive("toy-001-reports", sql: """
        CREATE TABLE IF NOT EXISTS toy_reports (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at TEXT NOT NULL);
        """)
    static let target = PruneTarget(table: "toy_reports", timeColumn: "received_at")

    static var slice: Slice {
        toySlice(migrations: [migration], prunedTables: [target])
    }

    static func insert(_ count: Int, at date: Date, in runtime: HubRuntime) async throws {
        try await runtime.database.write { db in
            for _ in 0..<count {
                try db.execute(sql: "INSERT INTO toy_reports (received_at) VALUES (?)", arguments: [Timestamp.format(date)])
            }
        }
    }

    static func times(in runtime: HubRuntime) async throws -> [String] {
        try await runtime.database.read { db in try String.fetchAll(db, sql: "SELECT received_at FROM toy_reports ORDER BY id") }
    }
}

@Suite struct PrunerTests {
    @Test func deletesEveryRowOlderThanTheCutoffInSmallBatchesAndKeepsTheRest() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [ReportToys.slice])
            let cutoff = Date(timeIntervalSince1970: 1_780_000_000)
            try await ReportToys.insert(23, at: cutoff.addingTimeInterval(-86_400), in: hub.runtime)
            try await ReportToys.insert(2, at: cutoff.addingTimeInterval(-0.001), in: hub.runtime)
            try await ReportToys.insert(3, at: cutoff, in: hub.runtime)
            try await ReportToys.insert(4, at: cutoff.addingTimeInterval(3600), in: hub.runtime)

            let pruner = Pruner(targets: [ReportToys.target], database: hub.runtime.database, logger: hub.runtime.logger, batchSize: 5)
            let deleted = try await pruner.prune(olderThan: cutoff)

            #expect(deleted == 25)
            let left = try await ReportToys.times(in: hub.runtime)
            #expect(left.count == 7)
            #expect(left.allSatisfy { $0 >= Timestamp.format(cutoff) })
        }
    }

    @Test func batchSizeThatDividesTheOldRowsExactlyStillDeletesThemAll() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [ReportToys.slice])
            let cutoff = Date(timeIntervalSince1970: 1_780_000_000)
            try await ReportToys.insert(12, at: cutoff.addingTimeInterval(-60), in: hub.runtime)
            let pruner = Pruner(targets: [ReportToys.target], database: hub.runtime.database, logger: hub.runtime.logger, batchSize: 4)
            #expect(try await pruner.prune(olderThan: cutoff) == 12)
            #expect(try await ReportToys.times(in: hub.runtime).isEmpty)
        }
    }

    @Test func thePruneServiceDeletesToTheRetentionOnceADay() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let hub = try await startHub(in: directory, catalogue: [ReportToys.slice], clock: clock)
            let retention: TimeInterval = 30 * 86_400
            try await ReportToys.insert(3, at: clock.now().addingTimeInterval(-retention - 60), in: hub.runtime)
            try await ReportToys.insert(1, at: clock.now().addingTimeInterval(-retention + 60), in: hub.runtime)

            await hub.hub.pruning.pruneIfDue()
            #expect(try await ReportToys.times(in: hub.runtime).count == 1)

            clock.advance(by: 3600)
            await hub.hub.pruning.pruneIfDue()
            #expect(try await ReportToys.times(in: hub.runtime).count == 1, "pruned again within the day")

            clock.advance(by: 86_400)
            await hub.hub.pruning.pruneIfDue()
            #expect(try await ReportToys.times(in: hub.runtime).isEmpty)
        }
    }

    /// A prune of millions of rows takes minutes; the dead-man's switch must not wait for
    /// it. Here the prune is held between two batches while a device goes silent: its
    /// `device_stale` event comes from the ticker all the same.
    @Test func aSubjectGoesStaleWhileAPruneIsUnderWayAndItsEventStillComes() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let devices = Slice(
                name: "devices", number: 2, summary: "toy devices", migrations: [DeviceToys.migration],
                eventTypes: DeadMansSwitch.eventTypes(prefix: "device"), assemble: DeviceToys.slice.assemble
            )
            let hub = try await startHub(
                in: directory, catalogue: [ReportToys.slice, devices], clock: clock, tickInterval: .milliseconds(20)
            )
            try await ReportToys.insert(20, at: clock.now().addingTimeInterval(-90 * 86_400), in: hub.runtime)
            try await DeviceToys.report("dev-1", at: clock.now(), in: hub.runtime)

            let held = PruneHold()
            let pruner = Pruner(
                targets: [ReportToys.target], database: hub.runtime.database, logger: hub.runtime.logger, batchSize: 5,
                rest: { _ in await held.wait() }
            )
            let pruning = PruneService(pruner: pruner, retentionDays: 30, clock: clock, logger: hub.runtime.logger)
            let services = Task {
                await withDiscardingTaskGroup { group in
                    group.addTask { await pruning.pruneIfDue() }
                    group.addTask { try? await hub.hub.ticker.run() }
                }
            }
            defer { services.cancel() }
            try await eventually("the prune to be under way") { held.isWaiting }
            clock.advance(by: 1800)
            // Patient: on a loaded machine a tick can wait long for a thread.
            try await eventually("the device_stale event, with the prune still held", seconds: 120) {
                try await hub.runtime.events.list(limit: 10).contains { $0.type == "device_stale" }
            }
            #expect(held.isWaiting, "the prune was still under way")
            #expect(try await ReportToys.times(in: hub.runtime).count == 15)
            held.release()
        }
    }
}

/// Holds a prune between batches until released.
final class PruneHold: Sendable {
    private let state = Mutex<(waiting: Bool, released: Bool)>((false, false))

    var isWaiting: Bool { state.withLock { $0.waiting } }

    func wait() async {
        state.withLock { $0.waiting = true }
        while !state.withLock({ $0.released }) {
            try? await Task.sleep(for: .milliseconds(5))
        }
        state.withLock { $0.waiting = false }
    }

    func release() {
        state.withLock { $0.released = true }
    }
}
