import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import SignedOpsSlice
import Testing

@Suite struct SliceOffTests {
    @Test func withoutTheSliceTheEnvelopeKeepsItsPlaceholdersAndTheRoutesAre404() async throws {
        let fixture = try await SignedOpsFixture.make()
        let host = try await fixture.host()
        _ = try await fixture.putDesired(host.id, #"{"desired": {"a": 1}}"#)
        let opID = try await fixture.issue(host.id).json["op_id"] as? String ?? ""
        #expect(try await fixture.report(host).json["has_signed_ops"] as? Bool == true)

        let sliceThree = try await fixture.hub.restarted(slices: SignedOpsFixture.slices, enabled: ["controller", "host-ingest"])
        let off = SignedOpsFixture(hub: sliceThree)
        let envelope = try await off.report(host)
        #expect(envelope.status == 200)
        #expect(envelope.body == #"{"blocked":false,"desired_generation":0,"has_signed_ops":false,"poll_interval_seconds":900,"status":"ok"}"#)
        let replies = [
            try await off.send(.get, "/api/v1/ops/keys", key: nil),
            try await off.send(.get, "/api/v1/host-desired", key: host.key),
            try await off.send(.get, "/api/v1/host-ops", key: host.key),
            try await off.result(host, opID: opID),
            try await off.send(.put, "/api/v1/admin/hosts/\(host.id)/desired", json: ["desired": ["a": 2]]),
            try await off.issue(host.id),
        ]
        #expect(replies.map(\.status) == [404, 404, 404, 404, 404, 404])
        #expect(replies.allSatisfy { $0.errorCode == "not_found" })
        // The schema stays; nothing is undone.
        #expect(try await sliceThree.count("signed_ops") == 1)
        let slices = try await off.send(.get, "/api/v1/admin/slices").json["slices"] as? [[String: Any]] ?? []
        let signedOps = slices.first { $0["name"] as? String == "signed-ops" }
        #expect(signedOps?["enabled"] as? Bool == false)
        // Slice 3 still serves as before.
        #expect(try await off.send(.get, "/api/v1/admin/hosts/\(host.id)").status == 200)
        let minted = try await off.send(.post, "/api/v1/admin/hosts", json: ["customer_id": "acme"])
        #expect(minted.status == 201)
        #expect(try await off.send(.get, "/api/v1/admin/flags").body.contains("signed_ops") == false)
    }

    @Test func theSliceAddsNothingToWhatSliceThreeAnswersForAHostWithoutOps() async throws {
        let withSlice = try await SignedOpsFixture.make()
        let without = try await SignedOpsFixture.make(enabled: ["controller", "host-ingest"])
        let on = try await withSlice.report(try await withSlice.host())
        let off = try await without.report(try await without.host())
        #expect(on.body == off.body)
        #expect(try await withSlice.hub.count("hosts") == 1)
    }

    @Test func theSliceRequiresHostIngest() async throws {
        await #expect(throws: ConfigurationError.self) {
            _ = try await TestHub(slices: SignedOpsFixture.slices, enabled: ["controller", "signed-ops"])
        }
    }

    @Test func theSliceDeclaresItsVocabulary() {
        let slice = SignedOpsSlice.slice
        #expect(slice.name == "signed-ops")
        #expect(slice.number == 4)
        #expect(slice.requires == ["host-ingest"])
        #expect(slice.eventTypes == ["op_succeeded", "op_failed", "op_expired"])
        #expect(slice.flags.map(\.name) == ["signed_ops"])
        #expect(slice.flags.first?.cohortCapable == true)
        #expect(slice.flags.first?.defaultValue == true)
        #expect(slice.migrations.allSatisfy { $0.kind == .additive })
    }
}
