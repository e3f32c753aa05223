import Foundation
import HubTestSupport
import Testing

/// `hub enroll-token` and `hub enroll-tokens`, as an operator runs them.
@Suite struct EnrollmentCommandLineTests {
    static let environment = ["HUB_SLICES": "controller,host-ingest,signed-ops,enrollment"]

    func hub(_ arguments: [String], _ directory: URL) async throws -> ExternalProcess.Outcome {
        try await ExternalProcess.hub(arguments, dataDirectory: directory, environment: Self.environment)
    }

    @Test func issueListRevokeFromTheCommandLine() async throws {
        try await withDataDirectory { directory in
            #expect(try await hub(["customers", "add", "acme"], directory).status == 0)
            let issued = try await hub(["enroll-token", "acme", "--uses", "2", "--label", "rack 3", "--json"], directory)
            #expect(issued.status == 0, "\(issued)")
            let answer = try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any] ?? [:]
            let token = try #require(answer["token"] as? String)
            let tokenID = try #require(answer["token_id"] as? String)
            #expect(token.hasPrefix("felhom_enroll_") && answer["uses"] as? Int == 2)

            let listed = try await hub(["enroll-tokens", "list"], directory)
            #expect(listed.status == 0 && listed.stdout.contains(tokenID) && listed.stdout.contains("rack 3") && listed.stdout.contains("0/2"))
            #expect(!listed.stdout.contains(token))

            #expect(try await hub(["enroll-tokens", "revoke", tokenID], directory).status == 0)
            let afterRevoke = try await hub(["enroll-tokens", "list", "--json"], directory)
            let tokens = (try JSONSerialization.jsonObject(with: Data(afterRevoke.stdout.utf8)) as? [String: Any])?["tokens"] as? [[String: Any]]
            #expect(tokens?.first?["revoked_at"] is String)

            let unknown = try await hub(["enroll-tokens", "revoke", "et-nosuchthing"], directory)
            #expect(unknown.status == 1 && unknown.stderr.contains("no enrollment token"))
            let bad = try await hub(["enroll-token", "acme", "--ttl-seconds", "0"], directory)
            #expect(bad.status != 0 && bad.stderr.contains("ttl_seconds"))
        }
    }

    @Test func theCommandsRefuseWhileTheSliceIsOff() async throws {
        try await withDataDirectory { directory in
            let outcome = try await ExternalProcess.hub(["enroll-token", "acme"], dataDirectory: directory)
            #expect(outcome.status == 2 && outcome.stderr.contains("slice enrollment is not enabled"))
        }
    }
}
