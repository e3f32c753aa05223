import Foundation
import HubTestSupport
import Kernel
import Testing

/// A later slice takes over parts of an earlier one it requires: its route answers in the
/// earlier one's stead, the earlier checker and prune stop; a takeover that names nothing,
/// or a slice not required, stops the start.
@Suite struct SupersessionTests {
    struct NamedChecker: Checker {
        let name: String
        let ran: Recorder<String>
        func check(now: Date) async throws { ran.append(name) }
    }

    func earlier(_ ran: Recorder<String>) -> Slice {
        toySlice("earlier", number: 1, prunedTables: [PruneTarget(table: "earlier_rows", timeColumn: "at")]) { _ in
            SliceParts(
                routes: [
                    SliceRoute(.get, "/thing", access: .open) { _ in try .json(["from": "earlier"]) },
                    SliceRoute(.get, "/other", access: .open) { _ in try .json(["from": "earlier"]) },
                ],
                checkers: [NamedChecker(name: "earlier_check", ran: ran)]
            )
        }
    }

    func later(_ ran: Recorder<String>, takes parts: [SupersededPart], requires: [String] = ["earlier"]) -> Slice {
        toySlice("later", number: 2, requires: requires, supersedes: parts, prunedTables: [PruneTarget(table: "later_rows", timeColumn: "at")]) { _ in
            SliceParts(
                routes: [SliceRoute(.get, "/thing", access: .open) { _ in try .json(["from": "later"]) }],
                checkers: [NamedChecker(name: "later_check", ran: ran)]
            )
        }
    }

    @Test func theLaterSliceAnswersAndTheEarlierCheckerAndPruneStop() async throws {
        try await withDataDirectory { directory in
            let ran = Recorder<String>()
            let takes: [SupersededPart] = [.route(.get, "/thing"), .checker("earlier_check"), .prunedTable("earlier_rows")]
            let hub = try await startHub(in: directory, catalogue: [earlier(ran), later(ran, takes: takes)])

            let bodies = try await hub.withClient { client in
                [
                    String(buffer: try await client.execute(uri: "/thing", method: .get).body),
                    String(buffer: try await client.execute(uri: "/other", method: .get).body),
                ]
            }
            await hub.hub.ticker.tick()

            #expect(bodies == [#"{"from":"later"}"#, #"{"from":"earlier"}"#])
            #expect(ran.all == ["later_check"])
            #expect(hub.runtime.pruner.targets.map(\.table) == ["later_rows"])
        }
    }

    @Test func withTheLaterSliceOffTheEarlierPartsRun() async throws {
        try await withDataDirectory { directory in
            let ran = Recorder<String>()
            let hub = try await startHub(
                in: directory, catalogue: [earlier(ran), later(ran, takes: [.route(.get, "/thing"), .checker("earlier_check")])], enabled: ["earlier"]
            )
            let body = try await hub.withClient { client in String(buffer: try await client.execute(uri: "/thing", method: .get).body) }
            await hub.hub.ticker.tick()
            #expect(body == #"{"from":"earlier"}"#)
            #expect(ran.all == ["earlier_check"])
        }
    }

    @Test(arguments: [SupersededPart.route(.get, "/nothing"), .checker("no_such_check"), .prunedTable("no_such_rows")])
    func aTakeoverOfSomethingNoRequiredSliceHasStopsTheStart(part: SupersededPart) async throws {
        try await withDataDirectory { directory in
            let ran = Recorder<String>()
            await #expect {
                // The later slice's own /thing needs its takeover, so only `part` can be at fault.
                try await startHub(in: directory, catalogue: [earlier(ran), later(ran, takes: [.route(.get, "/thing"), part])])
            } throws: { error in
                (error as? ConfigurationError)?.message.contains("takes over \(part)") == true
            }
        }
    }

    @Test func aTakeoverFromASliceNotRequiredStopsTheStart() async throws {
        try await withDataDirectory { directory in
            let ran = Recorder<String>()
            await #expect(throws: ConfigurationError.self) {
                try await startHub(in: directory, catalogue: [earlier(ran), later(ran, takes: [.route(.get, "/thing")], requires: [])])
            }
            await #expect(throws: ConfigurationError.self) {
                try await openRuntime(in: directory, catalogue: [earlier(ran), later(ran, takes: [.prunedTable("earlier_rows")], requires: [])])
            }
        }
    }
}
