import ControllerSlice
import Crypto
import Foundation
import HubTestSupport
import Kernel
import SignedOpsSlice
import Testing

@Suite struct KeyTests {
    @Test func keyIsGeneratedOnFirstStartMode0600AndLoggedByPathAndKeyIDOnly() async throws {
        let fixture = try await SignedOpsFixture.make()
        let file = fixture.hub.directory.appendingPathComponent("ops-signing-key.pem")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let pem = try String(contentsOf: file, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let keys = try await fixture.publishedKeys()
        let keyID = try #require(keys.first?["keyid"] as? String)
        let raw = try #require(Data(base64Encoded: keys.first?["public_key"] as? String ?? ""))
        #expect(raw.count == 32)
        #expect(keyID == EnvelopeCheck.keyIDOf(raw))
        #expect((keys.first?["pem"] as? String)?.hasPrefix("-----BEGIN PUBLIC KEY-----\n") == true)

        let generated = fixture.hub.logs.all.filter { $0.contains("generated an ops signing key") }
        #expect(generated.count == 1)
        #expect(generated.first?.contains(keyID) == true)
        #expect(generated.first?.contains(file.path) == true)
        let secret = pem.split(separator: "\n").dropFirst().first.map(String.init) ?? "unreachable"
        let seed = Data(base64Encoded: pem.split(separator: "\n").dropFirst().dropLast().joined())?.suffix(32).base64EncodedString() ?? "unreachable"
        #expect(!fixture.hub.logs.all.contains { $0.contains(secret) || $0.contains(seed) })
    }

    @Test func aRestartKeepsTheKey() async throws {
        let fixture = try await SignedOpsFixture.make()
        let before = try await fixture.publishedKeys().map { $0["keyid"] as? String }
        let restarted = try await fixture.hub.restarted(slices: SignedOpsFixture.slices)
        let after = try await SignedOpsFixture(hub: restarted).publishedKeys().map { $0["keyid"] as? String }
        #expect(before == after)
        #expect(!restarted.logs.all.contains { $0.contains("generated an ops signing key") })
    }

    @Test func aKeyFileThatIsNotAnEd25519KeyStopsTheStart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("ops-signing-key.pem")
        let p256 = P256.Signing.PrivateKey().pemRepresentation
        try p256.write(to: file, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await TestHub(slices: SignedOpsFixture.slices, directory: directory)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains(file.path) == true
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == p256, "a key the hub cannot read is never overwritten")
    }

    @Test func rotationKeepsOldOpsVerifiableAndSignsNewOnesWithTheNewKey() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        let oldKeyID = try #require(try await fixture.publishedKeys().first?["keyid"] as? String)
        _ = try await fixture.issue(host.id, ttl: 7 * 86_400)

        let ring = OpsKeyRing(dataDirectory: fixture.hub.directory, database: fixture.hub.runtime.database, clock: fixture.hub.clock, logger: fixture.hub.logs.logger)
        let rotation = try await ring.rotate()
        #expect(rotation.retired?.keyID == oldKeyID)
        let newKeyID = rotation.active.keyID
        #expect(newKeyID != oldKeyID)

        _ = try await fixture.issue(host.id)
        let keys = try await fixture.publishedKeys()
        #expect(keys.compactMap { $0["keyid"] as? String } == [newKeyID, oldKeyID])
        let envelopes = try await fixture.pendingOps(host)
        #expect(envelopes.count == 2)
        let signers = envelopes.map { (($0["signatures"] as? [[String: Any]])?.first?["keyid"] as? String) ?? "" }
        #expect(signers == [oldKeyID, newKeyID])
        for envelope in envelopes {
            try EnvelopeCheck.verify(envelope, keys: keys, expectedType: EnvelopeCheck.opType)
        }
        let desired = try await fixture.send(.get, "/api/v1/host-desired", key: host.key).json
        #expect((desired["signatures"] as? [[String: Any]])?.first?["keyid"] as? String == newKeyID)
        try EnvelopeCheck.verify(desired, keys: keys, expectedType: EnvelopeCheck.desiredType)
        #expect(!fixture.hub.logs.all.contains { $0.contains("BEGIN PRIVATE KEY") })
    }

    @Test func aRetiredKeyIsPublishedForThirtyDays() async throws {
        let fixture = try await SignedOpsFixture.make()
        let oldKeyID = try #require(try await fixture.publishedKeys().first?["keyid"] as? String)
        let ring = OpsKeyRing(dataDirectory: fixture.hub.directory, database: fixture.hub.runtime.database, clock: fixture.hub.clock, logger: fixture.hub.logs.logger)
        let rotation = try await ring.rotate()
        #expect(rotation.retiredPublishedUntil == fixture.hub.clock.now().addingTimeInterval(30 * 86_400))
        fixture.hub.clock.advance(by: 30 * 86_400)
        #expect(try await fixture.publishedKeys().compactMap { $0["keyid"] as? String } == [rotation.active.keyID, oldKeyID])
        fixture.hub.clock.advance(by: 1)
        #expect(try await fixture.publishedKeys().compactMap { $0["keyid"] as? String } == [rotation.active.keyID])
    }
}
