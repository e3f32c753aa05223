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
