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
                    try await hub.runtime.database.pool.write { db in
                        try events.record(EventDraft(customerID: "acme", type: type, subject: "acme"), in: db)
                    }
                }
            }
            #expect(try await events.list().isEmpty)

            try await hub.runtime.database.pool.write { db in
                _ = try events.record(EventDraft(customerID: "acme", type: "toy_happened", subject: "acme"), in: db)
            }
            #expect(try await events.list().map(\.type) == ["toy_happened"])
        }
    }
}
