import Foundation
import HubTestSupport
import Testing

/// A configuration mistake stops every command with exit status 2 and one line naming it.
@Suite struct ConfigurationMistakeTests {
    @Test(arguments: [["slices"], ["migrate"], ["serve", "--listen", "127.0.0.1:0"]])
    func unknownSliceStopsWithOneLineNamingIt(arguments: [String]) async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(arguments, dataDirectory: directory, environment: ["HUB_SLICES": "controller,telepathy"])
            #expect(outcome.status == 2)
            #expect(outcome.stderrLines.count == 1, "stderr was: \(outcome.stderr)")
            #expect(outcome.stderr.contains("telepathy"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("hub.sqlite").path))
        }
    }

    @Test(arguments: [
        ("HUB_TICK_SECONDS", "often"),
        ("HUB_LISTEN", "everywhere"),
        ("HUB_FLAGS", "auto_block_on_deadline=maybe"),
        ("HUB_FLAGS", "no_such_flag=on"),
        ("HUB_HEADER_TIMEOUT_SECONDS", "ten"),
        ("HUB_MAX_CONNECTIONS", "0"),
        ("HUB_BODY_BUDGET_BYTES", "lots"),
    ])
    func malformedOrUnknownValueStopsWithOneLineNamingIt(variable: String, value: String) async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["slices"], dataDirectory: directory, environment: [variable: value])
            #expect(outcome.status == 2)
            #expect(outcome.stderrLines.count == 1, "stderr was: \(outcome.stderr)")
            #expect(outcome.stderr.contains(variable))
        }
    }

    @Test func optionOverridesTheEnvironmentAndIsCheckedTheSameWay() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["slices", "--slices", "nonesuch"], dataDirectory: directory, environment: ["HUB_SLICES": "controller"])
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("nonesuch"))
        }
    }
}
