import Foundation
import Testing

@Suite struct KeysCommandTests {
    @Test func hubKeysRotateMakesANewActiveKeyAndKeepsTheOldOnePublished() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let first = try await ScriptRunner.hub(["keys", "rotate", "--json"], dataDirectory: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let firstKey = try #require(EnvelopeCheck.parse(first.stdout)["active_keyid"] as? String)
        let second = try await ScriptRunner.hub(["keys", "rotate", "--json"], dataDirectory: directory)
        #expect(second.status == 0, "\(second.stderr)")
        let rotated = EnvelopeCheck.parse(second.stdout)
        let secondKey = try #require(rotated["active_keyid"] as? String)
        #expect(rotated["retired_keyid"] as? String == firstKey)
        #expect(secondKey != firstKey)

        let listed = try await ScriptRunner.hub(["keys", "list", "--json"], dataDirectory: directory)
        #expect(listed.status == 0, "\(listed.stderr)")
        let keys = EnvelopeCheck.parse(listed.stdout)["keys"] as? [[String: Any]] ?? []
        #expect(keys.compactMap { $0["keyid"] as? String } == [secondKey, firstKey])

        let pem = try String(contentsOf: directory.appendingPathComponent("ops-signing-key.pem"), encoding: .utf8)
        let secret = pem.split(separator: "\n").dropFirst().first.map(String.init) ?? "unreachable"
        for outcome in [first, second, listed] {
            #expect(!outcome.stdout.contains(secret) && !outcome.stderr.contains(secret))
        }
        let text = try await ScriptRunner.hub(["keys", "rotate"], dataDirectory: directory)
        #expect(text.status == 0)
        #expect(text.stdout.contains("retired key \(secondKey) stays published until"))
    }

    @Test func hubKeysRotateRefusesWithoutTheSlice() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let refused = try await ScriptRunner.hub(["keys", "rotate"], dataDirectory: directory, slices: "controller,host-ingest")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("slice signed-ops is not enabled"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ops-signing-key.pem").path))
    }
}
