import Foundation
import HubTestSupport
import Kernel
import SignedOpsSlice
import Testing

/// The recipes of Sources/Slices/SignedOps/docs/verifying-signed-ops.md, run as an agent author would run them:
/// only the envelope, the published keys, openssl and python3.
@Suite struct VerificationRecipeTests {
    struct Materials {
        let folder: URL
        let envelope: URL
        let tampered: URL
        let desired: URL
        let publicKey: URL
        let keys: URL
        let hostID: String
        let expiresAt: String
    }

    /// A hub, one issued op and the files an agent would hold.
    static func materials() async throws -> (SignedOpsFixture, Materials) {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let issued = try await fixture.issue(host.id, type: "restart_guest", args: ["vmid": 101], ttl: 3600)
        _ = try await fixture.putDesired(host.id, #"{"desired": {"guests": {"101": {"running": true}}}}"#)
        let folder = fixture.hub.directory.appendingPathComponent("agent")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ops = try await fixture.pendingOps(host)
        let envelope = try #require(ops.first)
        let keysReply = try await fixture.send(.get, "/api/v1/ops/keys", key: nil)
        let pem = try #require((keysReply.json["keys"] as? [[String: Any]])?.first?["pem"] as? String)
        let files = Materials(
            folder: folder, envelope: folder.appendingPathComponent("op.json"), tampered: folder.appendingPathComponent("tampered.json"),
            desired: folder.appendingPathComponent("desired.json"), publicKey: folder.appendingPathComponent("pub.pem"),
            keys: folder.appendingPathComponent("keys.json"), hostID: host.id, expiresAt: issued.json["expires_at"] as? String ?? ""
        )
        try JSONSerialization.data(withJSONObject: envelope).write(to: files.envelope)
        var payload = try #require(Data(base64Encoded: envelope["payload"] as? String ?? ""))
        let vmid = try #require(payload.firstRange(of: Data(#""vmid":101"#.utf8)))
        payload[vmid.upperBound - 1] = UInt8(ascii: "2")
        var tampered = envelope
        tampered["payload"] = payload.base64EncodedString()
        try JSONSerialization.data(withJSONObject: tampered).write(to: files.tampered)
        try Data(try await fixture.send(.get, "/api/v1/host-desired", key: host.key).body.utf8).write(to: files.desired)
        try Data(pem.utf8).write(to: files.publicKey)
        try Data(keysReply.body.utf8).write(to: files.keys)
        return (fixture, files)
    }

    @Test func opensslRecipeAcceptsTheServedEnvelopeAndRejectsTampering() async throws {
        let (fixture, files) = try await Self.materials()
        let script = ScriptRunner.docs("verify-op.sh")
        let good = try await ScriptRunner.run("bash", [script, files.envelope.path, files.publicKey.path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains(#""host_id":"\#(files.hostID)""#))
        #expect(good.stdout.contains(#""vmid":101"#))

        let tampered = try await ScriptRunner.run("bash", [script, files.tampered.path, files.publicKey.path])
        #expect(tampered.status != 0)
        #expect(tampered.stderr.contains("bad signature"))

        let wrongType = try await ScriptRunner.run("bash", [script, files.envelope.path, files.publicKey.path, "application/vnd.felhom.desired-state.v1+json"])
        #expect(wrongType.status != 0)
        #expect(wrongType.stderr.contains("payloadType"))

        let desired = try await ScriptRunner.run("bash", [script, files.desired.path, files.publicKey.path, "application/vnd.felhom.desired-state.v1+json"])
        #expect(desired.status == 0, "\(desired.stderr)")
        #expect(desired.stdout.contains(#""desired_generation":1"#))

        // Under a key that did not sign it, the envelope names an unknown keyid.
        let rotation = try await OpsKeyRing(
            dataDirectory: fixture.hub.directory, database: fixture.hub.runtime.database, clock: fixture.hub.clock, logger: fixture.hub.logs.logger
        ).rotate()
        let otherKey = files.folder.appendingPathComponent("other.pem")
        try Data(rotation.active.pem.utf8).write(to: otherKey)
        let unknown = try await ScriptRunner.run("bash", [script, files.envelope.path, otherKey.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown keyid"))
    }

    @Test func pythonRecipeAppliesTheSignatureAndReplayRules() async throws {
        let (fixture, files) = try await Self.materials()
        defer { withExtendedLifetime(fixture) {} }
        let script = ScriptRunner.docs("verify_op.py")
        func verify(_ envelope: URL, _ extra: [String]) async throws -> ScriptRunner.Outcome {
            try await ScriptRunner.run("python3", [script, envelope.path, files.keys.path] + extra)
        }
        let accepted = try await verify(files.envelope, ["--host-id", files.hostID, "--now", "2026-05-28T20:30:00Z"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains(#""seq": 1"#))

        let rejections: [(URL, [String], String)] = [
            (files.tampered, ["--host-id", files.hostID, "--now", "2026-05-28T20:30:00Z"], "bad signature"),
            (files.envelope, ["--host-id", "acme-other1", "--now", "2026-05-28T20:30:00Z"], "another host"),
            (files.envelope, ["--host-id", files.hostID, "--now", files.expiresAt], "expired"),
            (files.envelope, ["--host-id", files.hostID, "--now", "2026-05-28T20:30:00Z", "--last-seq", "1"], "replay"),
            (files.desired, ["--host-id", files.hostID, "--now", "2026-05-28T20:30:00Z"], "payloadType"),
        ]
        for (envelope, extra, reason) in rejections {
            let outcome = try await verify(envelope, extra)
            #expect(outcome.status == 1, "\(reason): \(outcome.stderr)")
            #expect(outcome.stderr.contains(reason), "\(outcome.stderr)")
        }
    }

    @Test func theKeyFileIsOpenSSLCompatibleBothWays() async throws {
        // A key made by openssl is the one the hub signs with…
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keyFile = directory.appendingPathComponent("ops-signing-key.pem")
        let generated = try await ScriptRunner.run("openssl", ["genpkey", "-algorithm", "ed25519", "-out", keyFile.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        let hub = try await TestHub(slices: SignedOpsFixture.slices, directory: directory)
        let published = try await SignedOpsFixture(hub: hub).publishedKeys()
        // …and openssl derives from the hub's key file exactly the public key the hub publishes.
        let derived = try await ScriptRunner.run("openssl", ["pkey", "-in", keyFile.path, "-pubout"])
        #expect(derived.status == 0, "\(derived.stderr)")
        #expect(published.count == 1)
        #expect(published.first?["pem"] as? String == derived.stdout)

        let fresh = try await SignedOpsFixture.make()
        let freshFile = fresh.hub.directory.appendingPathComponent("ops-signing-key.pem")
        let freshDerived = try await ScriptRunner.run("openssl", ["pkey", "-in", freshFile.path, "-pubout"])
        #expect(freshDerived.status == 0, "\(freshDerived.stderr)")
        #expect(try await fresh.publishedKeys().first?["pem"] as? String == freshDerived.stdout)
    }
}
