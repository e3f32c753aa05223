import ControllerSlice
import Foundation
import GRDB
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct PruneAndEnvelopeTests {
    @Test func dailyPruneDeletesOldHostReportsOnly() async throws {
        let fixture = try await HostIngestFixture.make()
        #expect(HostIngestSlice.slice.prunedTables.map(\.table) == ["host_reports"])
        let host = try await fixture.mintHost()
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        await fixture.hub.hub.pruning.pruneIfDue()
        fixture.hub.clock.advance(by: 31 * 86_400)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        await fixture.hub.hub.pruning.pruneIfDue()
        let remaining = try await fixture.hub.database.read { db in try String.fetchAll(db, sql: "SELECT received_at FROM host_reports") }
        #expect(remaining == [Timestamp.format(fixture.hub.clock.now())])
        #expect(try await fixture.hub.count("hosts") == 1)
    }

    /// A later slice adds fields to the envelope through the extension points: their
    /// placeholders always, their values for the customers it applies to.
    struct FixedSource: ControlEnvelopeSource {
        func applies(toCustomer customerID: String) async throws -> Bool { customerID == "acme" }
        func fields(forHost hostID: String, in db: any DatabaseSession) throws -> [String: EnvelopeValue] {
            ["desired_generation": .integer(5), "has_signed_ops": .boolean(true)]
        }
    }

    static let contributing = Slice(
        name: "contributor", number: 99, summary: "test", requires: ["host-ingest"],
        declarations: { contributions in
            contributions.register(EnvelopeField(name: "desired_generation", placeholder: .integer(0)), for: HostIngestSlice.envelopeFields)
            contributions.register(EnvelopeField(name: "has_signed_ops", placeholder: .boolean(false)), for: HostIngestSlice.envelopeFields)
        }
    ) { environment in
        environment.contributions.register(FixedSource(), for: HostIngestSlice.envelopeSources)
        return SliceParts()
    }

    @Test func envelopeCarriesWhatLaterSlicesContribute() async throws {
        let fixture = try await HostIngestFixture.make(extraSlices: [Self.contributing])
        _ = try await fixture.hub.withClient { client in
            try await client.send(.post, "/api/v1/admin/customers", key: TestHub.globalKey, json: ["customer_id": "other"])
        }
        let acmeHost = try await fixture.mintHost()
        let otherHost = try await fixture.mintHost(customer: "other")
        let acme = try await fixture.sendReport(HostIngestFixture.report(hostID: acmeHost.id), key: acmeHost.key)
        let other = try await fixture.sendReport(HostIngestFixture.report(hostID: otherHost.id), key: otherHost.key)
        #expect(acme.json["desired_generation"] as? Int == 5)
        #expect(acme.json["has_signed_ops"] as? Bool == true)
        #expect(other.json["desired_generation"] as? Int == 0)
        #expect(other.json["has_signed_ops"] as? Bool == false)
    }
}

@Suite struct EnvelopeEncodingTests {
    /// The envelope as the hub's encoder would write it.
    struct Reference: Codable, Equatable {
        var status = "ok"
        let pollIntervalSeconds: Int
        let blocked: Bool
        let desiredGeneration: Int64
        let hasSignedOps: Bool

        enum CodingKeys: String, CodingKey {
            case status, blocked
            case pollIntervalSeconds = "poll_interval_seconds"
            case desiredGeneration = "desired_generation"
            case hasSignedOps = "has_signed_ops"
        }
    }

    static let layout = EnvelopeLayout(fields: [
        EnvelopeField(name: "has_signed_ops", placeholder: .boolean(false)),
        EnvelopeField(name: "desired_generation", placeholder: .integer(0)),
    ])

    /// The hand-built envelope is byte for byte what the hub's encoder writes.
    @Test(arguments: [(false, 0, false, 900), (true, 42, true, 60), (false, 9_007_199_254_740_993, true, 1)])
    func directEncodingMatchesTheEncoder(blocked: Bool, generation: Int64, hasOps: Bool, poll: Int) throws {
        let envelope = ControlEnvelope(
            pollIntervalSeconds: poll, blocked: blocked, fields: ["desired_generation": .integer(generation), "has_signed_ops": .boolean(hasOps)]
        )
        let json = Self.layout.json(envelope)
        let reference = Reference(pollIntervalSeconds: poll, blocked: blocked, desiredGeneration: generation, hasSignedOps: hasOps)
        #expect(json == (try WireJSON.encodeString(reference)))
        #expect(try JSONDecoder().decode(Reference.self, from: Data(json.utf8)) == reference)
    }

    /// A field no slice gave a value for is written with its placeholder, in its place.
    @Test func missingFieldsGetTheirPlaceholders() throws {
        let envelope = ControlEnvelope(pollIntervalSeconds: 60, blocked: false, fields: ["has_signed_ops": .boolean(true)])
        let reference = Reference(pollIntervalSeconds: 60, blocked: false, desiredGeneration: 0, hasSignedOps: true)
        #expect(Self.layout.json(envelope) == (try WireJSON.encodeString(reference)))
    }

    /// A declared field cannot shadow a member host-ingest writes itself.
    @Test func aFieldCannotReplaceTheOwnMembers() throws {
        let layout = EnvelopeLayout(fields: [EnvelopeField(name: "blocked", placeholder: .boolean(true))])
        let envelope = ControlEnvelope(pollIntervalSeconds: 60, blocked: false, fields: ["blocked": .boolean(true)])
        #expect(layout.json(envelope) == #"{"blocked":false,"poll_interval_seconds":60,"status":"ok"}"#)
    }
}
