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
        await fixture.hub.hub.ticker.tick()
        fixture.hub.clock.advance(by: 31 * 86_400)
        _ = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: host.key)
        await fixture.hub.hub.ticker.tick()
        let remaining = try await fixture.hub.database.read { db in try String.fetchAll(db, sql: "SELECT received_at FROM host_reports") }
        #expect(remaining == [Timestamp.format(fixture.hub.clock.now())])
        #expect(try await fixture.hub.count("hosts") == 1)
    }

    /// A later slice fills the envelope through the extension point, for the customers
    /// it applies to.
    struct FixedSource: ControlEnvelopeSource {
        func applies(toCustomer customerID: String) async throws -> Bool { customerID == "acme" }
        func facts(forHost hostID: String, in db: Database) throws -> ControlFacts {
            ControlFacts(desiredGeneration: 5, hasSignedOps: true)
        }
    }

    static let contributing = Slice(name: "contributor", number: 99, summary: "test", requires: ["host-ingest"]) { environment in
        environment.contributions.register(FixedSource(), for: HostIngestSlice.controlSources)
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
    /// The hand-built envelope is byte for byte what the hub's encoder writes.
    @Test(arguments: [(false, 0, false, 900), (true, 42, true, 60), (false, 9_007_199_254_740_993, true, 1)])
    func directEncodingMatchesTheEncoder(blocked: Bool, generation: Int64, hasOps: Bool, poll: Int) throws {
        let envelope = ControlEnvelope(pollIntervalSeconds: poll, blocked: blocked, facts: ControlFacts(desiredGeneration: generation, hasSignedOps: hasOps))
        #expect(envelope.json == (try WireJSON.encodeString(envelope)))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(ControlEnvelope.self, from: Data(envelope.json.utf8)) == envelope)
    }
}
