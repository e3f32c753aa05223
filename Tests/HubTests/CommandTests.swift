import Foundation
import HubTestSupport
import GRDB
import Testing

/// `hub customers`, `hub flags` and `hub slices` working on the database directly.
@Suite struct CommandTests {
    @Test func customersAddPrintsAKeyOnce() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["customers", "add", "acme", "--name", "Acme Ltd"], dataDirectory: directory)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout.contains("acme"))
            let key = outcome.stdout.firstMatch(of: /[0-9a-f]{64}/).map { String($0.0) }
            #expect(key != nil, "no key in: \(outcome.stdout)")

            let json = try await HubProcess.run(["customers", "add", "globex", "--json"], dataDirectory: directory)
            let created = try printedJSON(json)
            #expect(created["customer_id"] as? String == "globex")
            #expect((created["api_key"] as? String)?.wholeMatch(of: /[0-9a-f]{64}/) != nil)

            let listed = try await HubProcess.run(["customers", "list", "--json"], dataDirectory: directory)
            let customers = try #require(try printedJSON(listed)["customers"] as? [[String: Any]])
            #expect(customers.compactMap { $0["customer_id"] as? String } == ["acme", "globex"])
            #expect(customers.first?["name"] as? String == "Acme Ltd")
            #expect(!listed.stdout.contains(key ?? "no key"))
        }
    }

    @Test func addingAnExistingCustomerFailsWithOneLine() async throws {
        try await withDataDirectory { directory in
            _ = try await HubProcess.run(["customers", "add", "acme"], dataDirectory: directory)
            let again = try await HubProcess.run(["customers", "add", "acme"], dataDirectory: directory)
            #expect(again.status != 0)
            #expect(again.stderrLines.count == 1, "stderr was: \(again.stderr)")
            #expect(again.stderr.contains("acme"))
            #expect(again.stdout.isEmpty)
        }
    }

    @Test func flagSetForACohortIsListedAsRuntimeAndAudited() async throws {
        try await withDataDirectory { directory in
            let added = try await HubProcess.run(["customers", "add", "acme"], dataDirectory: directory)
            #expect(added.status == 0, "stderr: \(added.stderr)")
            let set = try await HubProcess.run(["flags", "set", "auto_block_on_deadline", "on", "--customers", "acme"], dataDirectory: directory)
            #expect(set.status == 0, "stderr: \(set.stderr)")
            #expect(set.stdout.contains("auto_block_on_deadline"))

            let listed = try await HubProcess.run(["flags", "list", "--json"], dataDirectory: directory)
            #expect(listed.status == 0)
            let flags = try #require(try printedJSON(listed)["flags"] as? [[String: Any]])
            let flag = try #require(flags.first { $0["name"] as? String == "auto_block_on_deadline" })
            #expect(flag["enabled"] as? Bool == true)
            #expect(flag["customers"] as? [String] == ["acme"])
            #expect(flag["source"] as? String == "runtime")
            #expect(flag["slice"] as? String == "controller")
            let other = try #require(flags.first { $0["name"] as? String == "webhooks_allow_private_targets" })
            #expect(other["source"] as? String == "default")

            let queue = try DatabaseQueue(path: directory.appendingPathComponent("hub.sqlite").path)
            let actors = try await queue.read { db in try String.fetchAll(db, sql: "SELECT actor FROM kernel_flag_audit") }
            #expect(actors.count == 1)
            #expect(actors.first?.hasPrefix("cli:") == true)
        }
    }

    @Test func aCohortNamingNoCustomerFailsWithOneLineAndChangesNothing() async throws {
        try await withDataDirectory { directory in
            _ = try await HubProcess.run(["customers", "add", "acme"], dataDirectory: directory)
            let set = try await HubProcess.run(
                ["flags", "set", "auto_block_on_deadline", "on", "--customers", "acme,acmee"], dataDirectory: directory
            )
            #expect(set.status != 0)
            #expect(set.stderrLines.count == 1, "stderr was: \(set.stderr)")
            #expect(set.stderr.contains("'acmee'"))
            let listed = try await HubProcess.run(["flags", "list", "--json"], dataDirectory: directory)
            let flags = try #require(try printedJSON(listed)["flags"] as? [[String: Any]])
            #expect(flags.first { $0["name"] as? String == "auto_block_on_deadline" }?["source"] as? String == "default")
        }
    }

    @Test func hubFlagsOverrideIsListedAsEnvironment() async throws {
        try await withDataDirectory { directory in
            let listed = try await HubProcess.run(["flags", "list", "--json"], dataDirectory: directory, environment: ["HUB_FLAGS": "webhooks_allow_private_targets=on"])
            let flags = try #require(try printedJSON(listed)["flags"] as? [[String: Any]])
            let flag = try #require(flags.first { $0["name"] as? String == "webhooks_allow_private_targets" })
            #expect(flag["enabled"] as? Bool == true)
            #expect(flag["source"] as? String == "env")
        }
    }

    @Test(arguments: [["flags", "set", "no_such_flag", "on"], ["flags", "set", "auto_block_on_deadline", "sometimes"]])
    func badFlagChangeFailsWithOneLine(arguments: [String]) async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(arguments, dataDirectory: directory)
            #expect(outcome.status != 0)
            #expect(outcome.stderrLines.count == 1, "stderr was: \(outcome.stderr)")
            #expect(outcome.stderr.contains(arguments[2]) || outcome.stderr.contains(arguments[3]))
        }
    }

    @Test func slicesJSONShowsTheControllerSliceWithItsMigrationsAndFlags() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["slices", "--json"], dataDirectory: directory)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let slices = try #require(try printedJSON(outcome)["slices"] as? [[String: Any]])
            let controller = try #require(slices.first { $0["name"] as? String == "controller" })
            #expect(controller["number"] as? Int == 1)
            #expect(controller["enabled"] as? Bool == true)
            #expect(controller["requires"] as? [String] == [])
            let migrations = try #require(controller["migrations"] as? [[String: Any]])
            #expect(migrations.compactMap { $0["id"] as? String } == ["controller-001-customer-configs", "controller-002-reports", "controller-003-webhook-outbox"])
            #expect(migrations.allSatisfy { $0["applied_at"] is String })
            let flags = try #require(controller["flags"] as? [[String: Any]])
            #expect(Set(flags.compactMap { $0["name"] as? String }) == ["auto_block_on_deadline", "webhooks_allow_private_targets"])
            #expect((controller["event_types"] as? [String])?.contains("controller_stale") == true)
        }
    }

    @Test func slicesListsASliceSwitchedOffAsDisabled() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["slices", "--json"], dataDirectory: directory, environment: ["HUB_SLICES": "controller"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let slices = try #require(try printedJSON(outcome)["slices"] as? [[String: Any]])
            #expect(slices.first { $0["name"] as? String == "controller" }?["enabled"] as? Bool == true)
            #expect(slices.filter { $0["name"] as? String != "controller" }.allSatisfy { $0["enabled"] as? Bool == false })
        }
    }

    @Test func aSlicesSettingsAreListedWithTheirValuesAndInTheHelp() async throws {
        try await withDataDirectory { directory in
            let listed = try await HubProcess.run(["slices"], dataDirectory: directory, environment: ["HUB_POLL_INTERVAL_SECONDS": "120"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let line = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("HUB_POLL_INTERVAL_SECONDS") })
            #expect(line.contains("controller") && line.contains("120") && line.contains("900"))
            #expect(listed.stdout.contains("HUB_WEBHOOK_GIVE_UP_SECONDS"))

            let help = try await HubProcess.run(["--help"], dataDirectory: directory)
            #expect(help.stdout.contains("HUB_WEBHOOK_GIVE_UP_SECONDS (controller; default 86400)"), "\(help.stdout)")
        }
    }

    @Test func aBadValueOfASlicesSettingFailsWithOneLineAndExit2() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["status"], dataDirectory: directory, environment: ["HUB_POLL_INTERVAL_SECONDS": "often"])
            #expect(outcome.status == 2)
            #expect(outcome.stderrLines == ["hub: HUB_POLL_INTERVAL_SECONDS=often is not a positive whole number"])
        }
    }

    @Test func eachSlicesCommandsComeFromTheCatalogue() async throws {
        try await withDataDirectory { directory in
            let help = try await HubProcess.run(["--help"], dataDirectory: directory)
            for command in ["serve", "migrate", "status", "slices", "flags", "prune", "customers", "hosts"] {
                #expect(help.stdout.contains("  \(command)"), "no \(command) in:\n\(help.stdout)")
            }
        }
    }
}
