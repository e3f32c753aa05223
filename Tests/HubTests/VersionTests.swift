import Foundation
import HubTestSupport
import Testing
@testable import hub

@Suite struct VersionTests {
    @Test func versionOptionPrintsTheCurrentVersion() async throws {
        try await withDataDirectory { directory in
            let outcome = try await HubProcess.run(["--version"], dataDirectory: directory)
            #expect(outcome.status == 0)
            #expect(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == HubVersion.current)
        }
    }

    @Test func versionIsSemantic() {
        #expect(HubVersion.current.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil)
    }

    @Test func changelogStartsWithTheCurrentVersion() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let changelog = root.appendingPathComponent("CHANGELOG.md")
        let text = try #require(try? String(contentsOf: changelog, encoding: .utf8), "CHANGELOG.md is missing at \(changelog.path)")
        let topVersion = text.split(separator: "\n").lazy.compactMap { line in
            line.firstMatch(of: /^##\s+\[?([0-9]+\.[0-9]+\.[0-9]+)\]?/).map { String($0.1) }
        }.first
        #expect(topVersion == HubVersion.current, "CHANGELOG.md's top entry is \(topVersion ?? "missing"), the hub says \(HubVersion.current)")
    }
}
