import Foundation
import HubTestSupport
import HummingbirdTesting
import Kernel
import Testing

@Suite struct EventsAPITests {
    /// Five events: acme/ping, globex/ping, acme/pong, acme/ping, globex/pong (ids 1...5).
    func hubWithEvents(in directory: URL) async throws -> ToyHub {
        let hub = try await startHub(in: directory, catalogue: [toySlice(eventTypes: ["toy_ping", "toy_pong"])])
        let events = hub.runtime.events
        let drafts = [("acme", "toy_ping"), ("globex", "toy_ping"), ("acme", "toy_pong"), ("acme", "toy_ping"), ("globex", "toy_pong")]
        for (index, (customer, type)) in drafts.enumerated() {
            hub.clock.advance(by: 1)
            try await hub.runtime.database.write { db in
                _ = try events.record(EventDraft(customerID: customer, type: type, subject: "\(customer)-thing", payload: ["n": .number(Double(index))]), in: db)
            }
        }
        return hub
    }

    func list(_ query: String, in directory: URL) async throws -> TestResponse {
        let hub = try await hubWithEvents(in: directory)
        return try await hub.withClient { client in
            try await client.execute(uri: "/api/v1/admin/events\(query)", method: .get, headers: bearer(globalKey))
        }
    }

    func ids(_ response: TestResponse) throws -> [Double] {
        try #require(try response.json()["events"]?.arrayValue).compactMap { $0["id"]?.numberValue }
    }

    @Test func listsEveryEventInAscendingIDOrderWithTheContractFields() async throws {
        try await withDataDirectory { directory in
            let response = try await list("", in: directory)
            #expect(response.status == .ok)
            #expect(try ids(response) == [1, 2, 3, 4, 5])
            let first = try #require(try response.json()["events"]?[0])
            #expect(first == .object([
                "id": .number(1), "customer_id": .string("acme"), "type": .string("toy_ping"), "subject": .string("acme-thing"),
                "payload": .object(["n": .number(0)]), "created_at": .string(Timestamp.format(Date(timeIntervalSince1970: 1_780_000_001))),
            ]))
        }
    }

    @Test(arguments: [
        ("?customer_id=acme", [1.0, 3, 4]),
        ("?type=toy_pong", [3, 5]),
        ("?after_id=2", [3, 4, 5]),
        ("?limit=2", [1, 2]),
        ("?customer_id=acme&type=toy_ping&after_id=1", [4]),
        ("?after_id=1&limit=2", [2, 3]),
        ("?customer_id=initech", []),
    ])
    func filtersNarrowTheList(query: String, expected: [Double]) async throws {
        try await withDataDirectory { directory in
            let response = try await list(query, in: directory)
            #expect(try ids(response) == expected)
        }
    }

    @Test(arguments: ["?limit=0", "?limit=1001", "?limit=some", "?after_id=-1", "?after_id=x"])
    func malformedPagingIsABadRequest(query: String) async throws {
        try await withDataDirectory { directory in
            let response = try await list(query, in: directory)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "invalid_query")
        }
    }
}
