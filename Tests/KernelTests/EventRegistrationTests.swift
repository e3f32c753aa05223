import Foundation
import HubTestSupport
import GRDB
import Kernel
import Testing

@Suite struct EventRegistrationTests {
    @Test func recordingAnUnregisteredTypeThrowsAndWritesNothing() async throws {
        try await withDataDirectory { directory in
            let catalogue = [
                toySlice("on", number: 1, eventTypes: ["toy_happened"]),
                toySlice("off", number: 2, eventTypes: ["toy_elsewhere"]),
            ]
            let hub = try await startHub(in: directory, catalogue: catalogue, enabled: ["on"])
            let events = hub.runtime.events
            for type in ["toy_made_up", "toy_elsewhere"] {
                await #expect(throws: EventLogError.unregisteredType(type)) {
                    try await hub.runtime.database.write { db in
                        try events.record(EventDraft(customerID: "acme", type: type, subject: "acme"), in: db)
                    }
                }
            }
            #expect(try await events.list().isEmpty)

            try await hub.runtime.database.write { db in
                _ = try events.record(EventDraft(customerID: "acme", type: "toy_happened", subject: "acme"), in: db)
            }
            #expect(try await events.list().map(\.type) == ["toy_happened"])
        }
    }

    /// A listener that keeps what it is told.
    struct Collecting: EventListener {
        let told: Recorder<[Int64]>
        func eventsRecorded(_ events: [Event], in db: any DatabaseSession) throws { told.append(events.map(\.id)) }
    }

    @Test func eventsRecordedTogetherKeepTheirOrderAndTheIDsTheyAreStoredUnder() async throws {
        try await withDataDirectory { directory in
            let told = Recorder<[Int64]>()
            let slice = toySlice("on", eventTypes: ["toy_happened", "toy_mended"]) { _ in SliceParts(eventListeners: [Collecting(told: told)]) }
            let hub = try await startHub(in: directory, catalogue: [slice])
            let events = hub.runtime.events
            try await hub.runtime.database.write { db in
                _ = try events.record(EventDraft(customerID: "acme", type: "toy_happened", subject: "first"), in: db)
            }
            let drafts = (0..<300).map { (index: Int) -> EventDraft in
                let customer = index % 2 == 0 ? "acme" : "globex"
                let type = index % 3 == 0 ? "toy_mended" : "toy_happened"
                let payload: [String: JSONValue] = ["index": .number(Double(index)), "note": .string("a\nb")]
                return EventDraft(customerID: customer, type: type, subject: "s\(index) \"quoted\" ünï", payload: payload)
            }
            let recorded = try await hub.runtime.database.write { db in try events.record(drafts, in: db) }
            let stored = try await events.list(afterID: recorded[0].id - 1, limit: 1000)
            #expect(stored == recorded)
            #expect(stored.map(\.subject) == drafts.map(\.subject))
            #expect(stored.map(\.payload) == drafts.map { .object($0.payload) })
            #expect(told.all == [[recorded[0].id - 1], recorded.map(\.id)], "one call per recording, in order")
        }
    }

    @Test func oneUnregisteredTypeAmongManyWritesNoneOfThem() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [toySlice("on", eventTypes: ["toy_happened"])])
            let events = hub.runtime.events
            await #expect(throws: EventLogError.unregisteredType("toy_made_up")) {
                try await hub.runtime.database.write { db in
                    try events.record([
                        EventDraft(customerID: "acme", type: "toy_happened", subject: "acme"),
                        EventDraft(customerID: "acme", type: "toy_made_up", subject: "acme"),
                    ], in: db)
                }
            }
            #expect(try await events.list().isEmpty)
        }
    }
}
