import Foundation
import GRDB
import HummingbirdTesting
import Kernel
import Testing

/// The toy slice the flag tests run against: a plain switch gating a route, a
/// cohort-capable flag, and a flag retired once the `successor` slice is enabled.
enum FlagToys {
    static let flags = [
        FlagDefinition(name: "toy_switch", summary: "gates /toy/gated", default: false),
        FlagDefinition(name: "toy_cohort", summary: "on for some customers", cohortCapable: true, default: false),
        FlagDefinition(
            name: "toy_legacy", summary: "replaced by the successor slice",
            defaultValue: { !$0.contains("successor") }, isRetired: { $0.contains("successor") }
        ),
    ]

    static var slice: Slice {
        toySlice(flags: flags) { _ in
            SliceParts(routes: [SliceRoute(.get, "/toy/gated", access: .open, gate: "toy_switch") { _ in try .json(["gated": "open"]) }])
        }
    }

    static let successor = toySlice("successor", number: 2)
}

@Suite struct FlagPrecedenceTests {
    @Test func codeDefaultAppliesWhenNothingElseIsSet() async throws {
        try await withDataDirectory { directory in
            let runtime = try openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await runtime.migrator.migrate(allowDestructive: false)
            let state = try await runtime.flags.state(of: "toy_switch")
            #expect(state.enabled == false)
            #expect(state.source == .default)
        }
    }

    @Test func hubFlagsOverrideTheDefault() async throws {
        try await withDataDirectory { directory in
            let runtime = try openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            try await runtime.migrator.migrate(allowDestructive: false)
            let state = try await runtime.flags.state(of: "toy_switch")
            #expect(state.enabled == true)
            #expect(state.source == .environment)
        }
    }

    @Test func runtimeValueBeatsHubFlagsAndOutlivesARestart() async throws {
        try await withDataDirectory { directory in
            let first = try openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            try await first.migrator.migrate(allowDestructive: false)
            try await first.flags.set("toy_switch", enabled: false, customers: [], actor: "test:first")
            #expect(try await first.flags.isEnabled("toy_switch") == false)

            let restarted = try openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            let state = try await restarted.flags.state(of: "toy_switch")
            #expect(state.enabled == false)
            #expect(state.source == .runtime)
        }
    }

    @Test func defaultsMayDependOnWhichSlicesAreEnabled() async throws {
        try await withDataDirectory { directory in
            let alone = try openRuntime(in: directory, catalogue: [FlagToys.slice, FlagToys.successor], enabled: ["toy"])
            try await alone.migrator.migrate(allowDestructive: false)
            #expect(try await alone.flags.state(of: "toy_legacy").enabled == true)

            let replaced = try openRuntime(in: directory, catalogue: [FlagToys.slice, FlagToys.successor])
            let state = try await replaced.flags.state(of: "toy_legacy")
            #expect(state.enabled == false)
            #expect(state.source == .retired)
        }
    }

    @Test func cohortFlagIsOnForListedCustomersOnly() async throws {
        try await withDataDirectory { directory in
            let runtime = try openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await runtime.migrator.migrate(allowDestructive: false)
            try await runtime.flags.set("toy_cohort", enabled: true, customers: ["acme", "globex"], actor: "test:cohort")

            #expect(try await runtime.flags.isEnabled("toy_cohort", for: "acme"))
            #expect(try await runtime.flags.isEnabled("toy_cohort", for: "globex"))
            #expect(try await !runtime.flags.isEnabled("toy_cohort", for: "initech"))
            #expect(try await !runtime.flags.isEnabled("toy_cohort"))
            #expect(try await runtime.flags.state(of: "toy_cohort").customers == ["acme", "globex"])

            try await runtime.flags.set("toy_cohort", enabled: true, customers: [], actor: "test:cohort")
            #expect(try await runtime.flags.isEnabled("toy_cohort", for: "initech"))
        }
    }

    @Test func aFlagThatCannotTargetCustomersRefusesACohort() async throws {
        try await withDataDirectory { directory in
            let runtime = try openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await runtime.migrator.migrate(allowDestructive: false)
            await #expect(throws: FlagError.notCohortCapable("toy_switch")) {
                try await runtime.flags.set("toy_switch", enabled: true, customers: ["acme"], actor: "test")
            }
        }
    }
}

@Suite struct FlagAdminAPITests {
    @Test func runtimeToggleThroughTheAdminAPIAppliesToTheNextRequest() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice])
            try await hub.withClient { client in
                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .notFound)

                let switchedOn = try await client.execute(
                    uri: "/api/v1/admin/flags/toy_switch", method: .put, headers: bearer(globalKey), body: body(#"{"enabled": true}"#)
                )
                #expect(switchedOn.status == .ok)
                let state = try switchedOn.json()
                #expect(state["name"]?.stringValue == "toy_switch")
                #expect(state["enabled"]?.boolValue == true)
                #expect(state["source"]?.stringValue == "runtime")
                #expect(state["slice"]?.stringValue == "toy")
                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .ok)

                let switchedOff = try await client.execute(
                    uri: "/api/v1/admin/flags/toy_switch", method: .put, headers: bearer(globalKey), body: body(#"{"enabled": false}"#)
                )
                #expect(switchedOff.status == .ok)
                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .notFound)
            }
        }
    }

    @Test func listingShowsEveryFlagWithValueAndSource() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            try await hub.runtime.flags.set("toy_cohort", enabled: true, customers: ["acme"], actor: "test")
            let listing = try await hub.withClient { client in
                try await client.execute(uri: "/api/v1/admin/flags", method: .get, headers: bearer(globalKey)).json()
            }
            let flags = try #require(listing["flags"]?.arrayValue)
            #expect(flags.compactMap { $0["name"]?.stringValue } == ["toy_switch", "toy_cohort", "toy_legacy"])
            #expect(flags[0]["source"]?.stringValue == "env")
            #expect(flags[1]["source"]?.stringValue == "runtime")
            #expect(flags[1]["customers"] == .array([.string("acme")]))
            #expect(flags[2]["source"]?.stringValue == "default")
        }
    }

    @Test func everyRuntimeChangeIsAuditedWithActorOldAndNewValue() async throws {
        try await withDataDirectory { directory in
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice], clock: clock)
            let status = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/toy_cohort", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["acme"]}"#)
                ).status
            }
            #expect(status == .ok)
            clock.advance(by: 60)
            try await hub.runtime.flags.set("toy_cohort", enabled: false, customers: [], actor: "cli:operator")

            let rows = try await hub.runtime.database.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT flag, actor, old_value_json, new_value_json, changed_at FROM kernel_flag_audit ORDER BY id")
            }
            #expect(rows.count == 2)
            let first = try #require(rows.first)
            #expect(first["flag"] as String == "toy_cohort")
            #expect(first["actor"] as String == "global:global")
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data((first["old_value_json"] as String).utf8))
                == .object(["enabled": .bool(false), "customers": .array([])]))
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data((first["new_value_json"] as String).utf8))
                == .object(["enabled": .bool(true), "customers": .array([.string("acme")])]))
            #expect(first["changed_at"] as String == Timestamp.format(Date(timeIntervalSince1970: 1_780_000_000)))
            let second = rows[1]
            #expect(second["actor"] as String == "cli:operator")
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data((second["old_value_json"] as String).utf8))
                == .object(["enabled": .bool(true), "customers": .array([.string("acme")])]))
            #expect(second["changed_at"] as String == Timestamp.format(Date(timeIntervalSince1970: 1_780_000_060)))
        }
    }

    @Test func cohortSetThroughTheAdminAPIIsOnForThoseCustomersOnly() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice])
            let answer = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/toy_cohort", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["globex", "acme"]}"#)
                )
            }
            #expect(answer.status == .ok)
            #expect(try answer.json()["customers"] == .array([.string("acme"), .string("globex")]))
            #expect(try await hub.runtime.flags.isEnabled("toy_cohort", for: "acme"))
            #expect(try await !hub.runtime.flags.isEnabled("toy_cohort", for: "initech"))
        }
    }

    @Test func retiredFlagCannotBeSet() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice, FlagToys.successor])
            let answer = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/toy_legacy", method: .put, headers: bearer(globalKey), body: body(#"{"enabled": true}"#)
                )
            }
            #expect(answer.status == .conflict)
            #expect(answer.errorCode == "flag_retired")
            #expect(try await hub.runtime.flags.state(of: "toy_legacy").enabled == false)
        }
    }

    @Test func unknownFlagIsNotFound() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice])
            let answer = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/no_such_flag", method: .put, headers: bearer(globalKey), body: body(#"{"enabled": true}"#)
                )
            }
            #expect(answer.status == .notFound)
            #expect(answer.errorCode == "not_found")
        }
    }

    @Test func malformedFlagChangeIsABadRequest() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice])
            let answer = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/toy_switch", method: .put, headers: bearer(globalKey), body: body(#"{"enabled": "yes"}"#)
                )
            }
            #expect(answer.status == .badRequest)
            #expect(answer.errorCode == "invalid_flag")
            #expect(answer.text.contains("enabled"))
            #expect(try await hub.runtime.flags.state(of: "toy_switch").source == .default)
        }
    }
}

/// A second `HubRuntime` on the same folder stands in for `hub flags set` run while the
/// server is up.
@Suite struct FlagChangesFromAnotherProcessTests {
    @Test func changeByAnotherProcessIsSeenByTheServersNextRequest() async throws {
        try await withDataDirectory { directory in
            let server = try await startHub(in: directory, catalogue: [FlagToys.slice])
            try await server.withClient { client in
                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .notFound)

                let cli = try openRuntime(in: directory, catalogue: [FlagToys.slice])
                try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")

                #expect(try await client.execute(uri: "/toy/gated", method: .get).status == .ok)
            }
        }
    }

    @Test func changeByAnotherProcessBeforeTheFirstRequestIsSeen() async throws {
        try await withDataDirectory { directory in
            let server = try await startHub(in: directory, catalogue: [FlagToys.slice])
            // The server read its flags already, say from a checker at start.
            #expect(try await !server.runtime.flags.isEnabled("toy_switch"))

            let cli = try openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")

            let status = try await server.withClient { client in try await client.execute(uri: "/toy/gated", method: .get).status }
            #expect(status == .ok)
        }
    }

    @Test func changeByAnotherProcessReachesTheServersCheckersWithoutARequest() async throws {
        try await withDataDirectory { directory in
            let seen = Recorder<Bool>()
            let slice = toySlice(flags: FlagToys.flags) { environment in
                SliceParts(checkers: [FlagReadingChecker(flags: environment.flags, seen: seen)])
            }
            let server = try await startHub(in: directory, catalogue: [slice])
            await server.hub.ticker.tick()

            let cli = try openRuntime(in: directory, catalogue: [slice])
            try await cli.flags.set("toy_switch", enabled: true, customers: [], actor: "cli:test")
            await server.hub.ticker.tick()

            #expect(seen.all == [false, true])
        }
    }
}

/// Records the value of `toy_switch` each tick.
struct FlagReadingChecker: Checker {
    let name = "flag_reader"
    let flags: FlagBook
    let seen: Recorder<Bool>

    func check(now: Date) async throws {
        seen.append(try await flags.isEnabled("toy_switch"))
    }
}
