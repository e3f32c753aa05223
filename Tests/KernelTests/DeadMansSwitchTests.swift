import Foundation
import HubTestSupport
import GRDB
import Kernel
import Testing

/// A toy fleet of devices watched by the kernel's dead-man's switch.
enum DeviceToys {
    static let migration = Migration.additive("toy-001-devices", sql: """
        CREATE TABLE IF NOT EXISTS toy_devices (device_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, last_seen_at TEXT);
        """)

    static var slice: Slice {
        toySlice(migrations: [migration], eventTypes: DeadMansSwitch.eventTypes(prefix: "device")) { environment in
            SliceParts(checkers: [
                DeadMansSwitch(
                    name: "device_staleness", eventPrefix: "device",
                    subjectsSQL: "SELECT device_id AS subject, customer_id, last_seen_at FROM toy_devices",
                    staleAfter: environment.configuration.staleAfter, downAfter: environment.configuration.downAfter,
                    database: environment.database, events: environment.events
                ),
            ])
        }
    }

    static func report(_ device: String, customer: String = "acme", at date: Date, in runtime: HubRuntime) async throws {
        try await runtime.database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO toy_devices (device_id, customer_id, last_seen_at) VALUES (?, ?, ?)
                    ON CONFLICT(device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
                    """,
                arguments: [device, customer, Timestamp.format(date)]
            )
        }
    }
}

@Suite struct DeadMansSwitchTests {
    func types(_ runtime: HubRuntime) async throws -> [String] {
        try await runtime.events.list().map(\.type)
    }

    @Test func subjectGoesStaleThenDownThenRecovers() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock()
            let hub = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            try await DeviceToys.report("dev-1", at: clock.now(), in: hub.runtime)

            await hub.hub.ticker.tick()
            #expect(try await types(hub.runtime).isEmpty)

            clock.advance(by: 99)
            await hub.hub.ticker.tick()
            #expect(try await types(hub.runtime).isEmpty)

            clock.advance(by: 1)
            await hub.hub.ticker.tick()
            #expect(try await types(hub.runtime) == ["device_stale"])

            clock.advance(by: 100)
            await hub.hub.ticker.tick()
            #expect(try await types(hub.runtime) == ["device_stale", "device_down"])

            try await DeviceToys.report("dev-1", at: clock.now(), in: hub.runtime)
            await hub.hub.ticker.tick()
            let events = try await hub.runtime.events.list()
            #expect(events.map(\.type) == ["device_stale", "device_down", "device_recovered"])
            #expect(events.allSatisfy { $0.customerID == "acme" && $0.subject == "dev-1" })
        }
    }

    @Test func aTransitionIsEmittedOnceAcrossTicks() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock()
            let hub = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            try await DeviceToys.report("dev-1", at: clock.now(), in: hub.runtime)
            clock.advance(by: 150)
            for _ in 0..<3 { await hub.hub.ticker.tick() }
            #expect(try await types(hub.runtime) == ["device_stale"])
        }
    }

    @Test func aRestartDoesNotEmitTheSameTransitionAgain() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock()
            let first = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            try await DeviceToys.report("dev-1", at: clock.now(), in: first.runtime)
            clock.advance(by: 250)
            await first.hub.ticker.tick()
            #expect(try await types(first.runtime) == ["device_down"])

            let second = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            await second.hub.ticker.tick()
            #expect(try await types(second.runtime) == ["device_down"])

            try await DeviceToys.report("dev-1", at: clock.now(), in: second.runtime)
            await second.hub.ticker.tick()
            let third = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            await third.hub.ticker.tick()
            #expect(try await types(third.runtime) == ["device_down", "device_recovered"])
        }
    }

    @Test func subjectsThatNeverReportedAreLeftAlone() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock()
            let hub = try await startHub(in: directory, catalogue: [DeviceToys.slice], clock: clock, staleAfter: 100, downAfter: 200)
            try await hub.runtime.database.write { db in
                try db.execute(sql: "INSERT INTO toy_devices (device_id, customer_id, last_seen_at) VALUES ('silent', 'acme', NULL)")
            }
            clock.advance(by: 1000)
            await hub.hub.ticker.tick()
            #expect(try await types(hub.runtime).isEmpty)
        }
    }
}
