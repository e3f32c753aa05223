import Foundation
import HubTestSupport
import Testing

/// The README's receiver example, copied as a customer would copy it, accepts a real
/// delivery and refuses a tampered one.
@Suite struct ReadmeVerificationTests {
    /// The first ```python block of the README's Webhooks section.
    static func readmeExample() throws -> String {
        let readme = try String(contentsOf: Python.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Webhooks"), "README has no Webhooks section")
        let open = try #require(readme.range(of: "```python\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound])
    }

    @Test func theReadmeExampleVerifiesARealDelivery() async throws {
        let example = try Self.readmeExample()
        #expect(example.split(separator: "\n", omittingEmptySubsequences: true).count <= 5, "the example is meant to be five lines at most")
        try await WebhookReceiver.with { receiver in
            let fixture = try await WebhookFixture.make()
            try await fixture.addCustomer("acme")
            let secret = try await fixture.setWebhook("acme", to: receiver.url("/hook"))
            try await fixture.emit("acme")
            try await fixture.dispatcher.deliverDue()
            let received = try #require(receiver.answered.first)

            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let script = scratch.appendingPathComponent("verify.py")
            let body = scratch.appendingPathComponent("body")
            let tampered = scratch.appendingPathComponent("tampered")
            try (example + """

                import sys
                for path in sys.argv[3:]:
                    print(verify(sys.argv[1], open(path, "rb").read(), sys.argv[2]))
                """).write(to: script, atomically: true, encoding: .utf8)
            try Data(received.body.utf8).write(to: body)
            try Data(received.body.replacingOccurrences(of: "acme", with: "evil").utf8).write(to: tampered)

            let outcome = try await Python.run([script.path, secret, received.signature ?? "", body.path, tampered.path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.split(separator: "\n") == ["True", "False"])
        }
    }
}
