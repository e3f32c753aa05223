import Foundation
import HubTestSupport
import GRDB
import HummingbirdTesting
import Kernel
import Testing

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

            let rows = try await hub.runtime.database.read { db in
                try Row.fetchAll(db, sql: "SELECT flag, actor, old_value_json, new_value_json, changed_at FROM kernel_flag_audit ORDER BY id")
                    .map { AuditRow(flag: $0["flag"], actor: $0["actor"], old: $0["old_value_json"], new: $0["new_value_json"], changedAt: $0["changed_at"]) }
            }
            #expect(rows.count == 2)
            let first = try #require(rows.first)
            #expect(first.flag == "toy_cohort")
            #expect(first.actor == "global:global")
            #expect(try first.oldValue() == .object(["enabled": .bool(false), "customers": .array([])]))
            #expect(try first.newValue() == .object(["enabled": .bool(true), "customers": .array([.string("acme")])]))
            #expect(first.changedAt == Timestamp.format(Date(timeIntervalSince1970: 1_780_000_000)))
            let second = rows[1]
            #expect(second.actor == "cli:operator")
            #expect(try second.oldValue() == .object(["enabled": .bool(true), "customers": .array([.string("acme")])]))
            #expect(try second.newValue() == .object(["enabled": .bool(false), "customers": .array([])]))
            #expect(second.changedAt == Timestamp.format(Date(timeIntervalSince1970: 1_780_000_060)))
        }
    }

    struct AuditRow: Sendable {
        let flag: String
        let actor: String
        let old: String
        let new: String
        let changedAt: String

        func oldValue() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(old.utf8)) }
        func newValue() throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(new.utf8)) }
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

    @Test func aCohortNamingNoCustomerIsRefusedAndChangesNothing() async throws {
        try await withDataDirectory { directory in
            let hub = try await startHub(in: directory, catalogue: [FlagToys.slice])
            let answer = try await hub.withClient { client in
                try await client.execute(
                    uri: "/api/v1/admin/flags/toy_cohort", method: .put, headers: bearer(globalKey),
                    body: body(#"{"enabled": true, "customers": ["acme", "acmee"]}"#)
                )
            }
            #expect(answer.status == .badRequest)
            #expect(answer.errorCode == "unknown_customer")
            #expect(answer.text.contains("acmee"))
            #expect(!answer.text.contains("'acme'"))
            #expect(try await hub.runtime.flags.state(of: "toy_cohort").source == .default)
            let audited = try await hub.runtime.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM kernel_flag_audit") }
            #expect(audited == 0)
        }
    }

    @Test func withoutASliceThatOwnsCustomersNoCohortCanBeSet() async throws {
        try await withDataDirectory { directory in
            let slice = toySlice(flags: FlagToys.flags)
            let hub = try await startHub(in: directory, catalogue: [slice])
            await #expect(throws: FlagError.unknownCustomers("toy_cohort", ["acme"])) {
                try await hub.runtime.flags.set("toy_cohort", enabled: true, customers: ["acme"], actor: "test")
            }
        }
    }
}
