import Foundation
import HubTestSupport
import Kernel
import Testing

/// The toy slice the flag tests run against: a plain switch gating a route, a
/// cohort-capable flag, and a flag retired once the `successor` slice is enabled.
enum FlagToys {
    static let flags = [
        FlagDefinition(name: "toy_switch", summary: "gates /toy/gated", default: false),
        FlagDefinition(name: "toy_cohort", summary: "on for some customers", cohortCapable: true, default: false),
        FlagDefinition(name: "toy_legacy", summary: "replaced by the successor slice", default: true),
    ]

    static var slice: Slice {
        toySlice(flags: flags, cohortMembers: ToyCustomers(known: ["acme", "globex", "initech"])) { _ in
            SliceParts(routes: [SliceRoute(.get, "/toy/gated", access: .open, gate: "toy_switch") { _ in try .json(["gated": "open"]) }])
        }
    }

    static let successor = toySlice("successor", number: 2, requires: ["toy"], flagEffects: [.retires("toy_legacy")])
}

@Suite struct FlagPrecedenceTests {
    @Test func codeDefaultAppliesWhenNothingElseIsSet() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await runtime.migrator.migrate(allowDestructive: false)
            let state = try await runtime.flags.state(of: "toy_switch")
            #expect(state.enabled == false)
            #expect(state.source == .default)
        }
    }

    @Test func hubFlagsOverrideTheDefault() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            try await runtime.migrator.migrate(allowDestructive: false)
            let state = try await runtime.flags.state(of: "toy_switch")
            #expect(state.enabled == true)
            #expect(state.source == .environment)
        }
    }

    @Test func runtimeValueBeatsHubFlagsAndOutlivesARestart() async throws {
        try await withDataDirectory { directory in
            let first = try await openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            try await first.migrator.migrate(allowDestructive: false)
            try await first.flags.set("toy_switch", enabled: false, customers: [], actor: "test:first")
            #expect(try await first.flags.isEnabled("toy_switch") == false)

            let restarted = try await openRuntime(in: directory, catalogue: [FlagToys.slice], flagOverrides: ["toy_switch": true])
            let state = try await restarted.flags.state(of: "toy_switch")
            #expect(state.enabled == false)
            #expect(state.source == .runtime)
        }
    }

    @Test func defaultsMayDependOnWhichSlicesAreEnabled() async throws {
        try await withDataDirectory { directory in
            let alone = try await openRuntime(in: directory, catalogue: [FlagToys.slice, FlagToys.successor], enabled: ["toy"])
            try await alone.migrator.migrate(allowDestructive: false)
            #expect(try await alone.flags.state(of: "toy_legacy").enabled == true)

            let replaced = try await openRuntime(in: directory, catalogue: [FlagToys.slice, FlagToys.successor])
            let state = try await replaced.flags.state(of: "toy_legacy")
            #expect(state.enabled == false)
            #expect(state.source == .retired)
        }
    }

    @Test func cohortFlagIsOnForListedCustomersOnly() async throws {
        try await withDataDirectory { directory in
            let runtime = try await openRuntime(in: directory, catalogue: [FlagToys.slice])
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
            let runtime = try await openRuntime(in: directory, catalogue: [FlagToys.slice])
            try await runtime.migrator.migrate(allowDestructive: false)
            await #expect(throws: FlagError.notCohortCapable("toy_switch")) {
                try await runtime.flags.set("toy_switch", enabled: true, customers: ["acme"], actor: "test")
            }
        }
    }
}

/// A later slice changes an earlier slice's flag only while it is enabled, and only as it
/// declares: the earlier slice never names it.
@Suite struct FlagEffectTests {
    static let earlier = toySlice("earlier", number: 1, flags: [FlagDefinition(name: "provisional_path", summary: "", default: true)])
    static let later = toySlice("later", number: 2, requires: ["earlier"], flagEffects: [.defaultsOff("provisional_path")])

    @Test func whileTheLaterSliceIsOnTheFlagDefaultsOffAndMayStillBeSwitchedOn() async throws {
        try await withDataDirectory { directory in
            let without = try await startHub(in: directory.appendingPathComponent("a"), catalogue: [Self.earlier, Self.later], enabled: ["earlier"])
            #expect(try await without.runtime.flags.state(of: "provisional_path").enabled)

            let with = try await startHub(in: directory.appendingPathComponent("b"), catalogue: [Self.earlier, Self.later])
            let state = try await with.runtime.flags.state(of: "provisional_path")
            #expect(state.enabled == false && state.source == .default)
            try await with.runtime.flags.set("provisional_path", enabled: true, customers: [], actor: "test:repair")
            #expect(try await with.runtime.flags.state(of: "provisional_path").enabled)

            let overridden = try await startHub(
                in: directory.appendingPathComponent("c"), catalogue: [Self.earlier, Self.later], flagOverrides: ["provisional_path": true]
            )
            #expect(try await overridden.runtime.flags.state(of: "provisional_path").enabled)
        }
    }
}
