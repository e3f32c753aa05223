import Foundation
import GRDB
import HubTestSupport
import Testing

@Suite struct DesiredStateTests {
    @Test func generationRisesOnChangeOnly() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let first = try await fixture.putDesired(host.id, #"{"desired": {"a": 1, "b": {"x": [1, 2], "y": "z"}}}"#)
        #expect(first.status == 200)
        #expect(first.json["host_id"] as? String == host.id)
        #expect(first.json["desired_generation"] as? Int == 1)
        let same = try await fixture.putDesired(host.id, #"{"desired": {"a": 1, "b": {"x": [1, 2], "y": "z"}}}"#)
        #expect(same.json["desired_generation"] as? Int == 1)
        // The same content with keys in another order and other spacing is the same state.
        let reordered = try await fixture.putDesired(host.id, #"{"desired":{"b":{"y":"z","x":[1,2.0]},"a":1}}"#)
        #expect(reordered.json["desired_generation"] as? Int == 1)
        let changed = try await fixture.putDesired(host.id, #"{"desired": {"a": 2, "b": {"x": [1, 2], "y": "z"}}}"#)
        #expect(changed.json["desired_generation"] as? Int == 2)
        let reordering = try await fixture.putDesired(host.id, #"{"desired": {"a": 2, "b": {"x": [2, 1], "y": "z"}}}"#)
        #expect(reordering.json["desired_generation"] as? Int == 3, "array order is content")
        let stored = try await fixture.hub.database.read { db in
            try String.fetchOne(db, sql: "SELECT desired_json FROM hosts WHERE host_id = ?", arguments: [host.id])
        }
        #expect(stored == #"{"a":2,"b":{"x":[2,1],"y":"z"}}"#)
    }

    @Test func concurrentPutsNeverLoseOrShareAGeneration() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let generations = try await fixture.hub.withClient { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let reply = try await client.send(
                            .put, "/api/v1/admin/hosts/\(host.id)/desired", key: TestHub.globalKey, body: #"{"desired": {"n": \#(index)}}"#
                        )
                        return reply.json["desired_generation"] as? Int ?? -1
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(generations.sorted() == Array(1...40))
        let stored = try await fixture.hub.database.read { db in
            try Int.fetchOne(db, sql: "SELECT desired_generation FROM hosts WHERE host_id = ?", arguments: [host.id])
        }
        #expect(stored == 40)
    }

    @Test func badDesiredBodiesAreRefusedAndStoreNothing() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        for body in [#"{"desired": [1, 2]}"#, #"{"desired": "x"}"#, #"{"desired": null}"#, #"{}"#, "not json", ""] {
            let reply = try await fixture.putDesired(host.id, body)
            #expect(reply.status == 400, "\(body)")
            #expect(reply.errorCode == "invalid_desired", "\(body)")
        }
        let unknown = try await fixture.putDesired("acme-zzzzzz", #"{"desired": {}}"#)
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "not_found")
        let generation = try await fixture.hub.database.read { db in
            try Int.fetchOne(db, sql: "SELECT desired_generation FROM hosts WHERE host_id = ?", arguments: [host.id])
        }
        #expect(generation == 0)
        let hostKeyed = try await fixture.send(.put, "/api/v1/admin/hosts/\(host.id)/desired", key: host.key, json: ["desired": [:] as [String: Any]])
        #expect(hostKeyed.status == 403)
    }

    /// An object nested `depth` levels deep: `{"a":{"a":…1…}}`.
    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    /// The host's signed desired state, verified as an agent does.
    static func fetch(_ fixture: SignedOpsFixture, _ host: SignedOpsFixture.Host) async throws -> (status: Int, payload: [String: Any]) {
        let reply = try await fixture.send(.get, "/api/v1/host-desired", key: host.key)
        guard reply.status == 200 else { return (reply.status, reply.json) }
        let payload = try EnvelopeCheck.verify(reply.json, keys: try await fixture.publishedKeys(), expectedType: EnvelopeCheck.desiredType)
        return (reply.status, payload)
    }

    /// `desired` with 510 levels inside it (512 in the body) is within what
    /// `JSONDecoder` reads, but more than the hub can sign once it wraps it in the
    /// payload: it is refused when set, and the host goes on fetching what it had.
    @Test func aDesiredStateNestedTooDeepIsRefusedAndTheHostKeepsThePreviousOne() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        #expect(try await fixture.putDesired(host.id, #"{"desired": {"tz": "Europe/Budapest"}}"#).status == 200)
        let reply = try await fixture.putDesired(host.id, #"{"desired": "# + Self.nested(511) + "}")
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_desired")
        #expect(reply.message == "desired: nests objects and arrays 511 levels deep; at most 64 are allowed")
        for _ in 0..<2 {
            let fetched = try await Self.fetch(fixture, host)
            #expect(fetched.status == 200)
            #expect(fetched.payload["desired_generation"] as? Int == 1)
            #expect((fetched.payload["desired"] as? [String: Any])?["tz"] as? String == "Europe/Budapest")
        }
    }

    @Test func sixtyFourLevelsAreSignedAndSixtyFiveRefused() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        #expect(try await fixture.putDesired(host.id, #"{"desired": "# + Self.nested(64) + "}").status == 200)
        let fetched = try await Self.fetch(fixture, host)
        #expect(fetched.status == 200)
        #expect(fetched.payload["desired_generation"] as? Int == 1)
        let refused = try await fixture.putDesired(host.id, #"{"desired": "# + Self.nested(65) + "}")
        #expect(refused.status == 400)
        #expect(refused.message == "desired: nests objects and arrays 65 levels deep; at most 64 are allowed")
        let arrays = try await fixture.putDesired(host.id, #"{"desired": {"a": "# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}}")
        #expect(arrays.status == 400)
        #expect(arrays.errorCode == "invalid_desired")
    }

    /// A state stored before the `PUT` checked (as deep as `JSONDecoder` let through,
    /// one level too deep to sign), and one stored deeper than the hub can read back:
    /// the host is told so with a 409 rather than an opaque 500, the operator is told
    /// once in the log rather than at every heartbeat, and setting the state again
    /// mends it.
    @Test(arguments: [511, 600])
    func aStoredStateTheHubCannotSignIsA409LoggedOnceUntilSetAgain(depth: Int) async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        try await fixture.hub.database.write { db in
            try db.execute(
                sql: "UPDATE hosts SET desired_json = ?, desired_generation = 7 WHERE host_id = ?", arguments: [Self.nested(depth), host.id]
            )
        }
        for _ in 0..<3 {
            let reply = try await fixture.send(.get, "/api/v1/host-desired", key: host.key)
            #expect(reply.status == 409)
            #expect(reply.errorCode == "desired_unservable")
        }
        let logged = fixture.hub.logs.all.filter { $0.contains("stored desired state cannot be signed") }
        #expect(logged.count == 1)
        #expect(logged.first?.hasPrefix("error") == true)
        #expect(logged.first?.contains(host.id) == true)
        let mended = try await fixture.putDesired(host.id, #"{"desired": {"tz": "UTC"}}"#)
        #expect(mended.json["desired_generation"] as? Int == 8)
        let fetched = try await Self.fetch(fixture, host)
        #expect(fetched.status == 200)
        #expect((fetched.payload["desired"] as? [String: Any])?["tz"] as? String == "UTC")
    }

    @Test(arguments: [
        (#"{"desired": {"a": 1, "a": 2}}"#, "desired.a: duplicate key"),
        (#"{"desired": {"a": 1}, "desired": {"a": 2}}"#, "desired: duplicate key"),
        (#"{"desired": {"guests": {"101": {"name": "x", "n\u0061me": "y"}}}}"#, "desired.guests.101.name: duplicate key"),
        (#"{"desired": {"tz": "Europe/Budapest\u0000"}}"#, "desired.tz: must not contain U+0000"),
    ])
    func anAmbiguousDesiredStateIsRefusedAndStoresNothing(body: String, message: String) async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let reply = try await fixture.putDesired(host.id, body)
        #expect(reply.status == 400)
        #expect(reply.errorCode == "invalid_desired")
        #expect(reply.message == message)
        let generation = try await fixture.hub.database.read { db in
            try Int.fetchOne(db, sql: "SELECT desired_generation FROM hosts WHERE host_id = ?", arguments: [host.id])
        }
        #expect(generation == 0)
    }

    @Test func hostReportsNeverTouchDesiredState() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 1}}"#)
        _ = try await fixture.report(host)
        let row = try await fixture.hub.database.read { db in
            try Row.fetchOne(db, sql: "SELECT desired_json, desired_generation FROM hosts WHERE host_id = ?", arguments: [host.id])
                .map { ($0["desired_json"] as String?, $0["desired_generation"] as Int) }
        }
        #expect(row?.0 == #"{"a":1}"#)
        #expect(row?.1 == 1)
    }
}
