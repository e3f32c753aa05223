import Foundation
import HubTestSupport
import Testing

/// `hub guests key GUEST_ID`, as an operator runs it beside a serving hub on the same
/// data folder: the command writes the database directly, and the serving hub learns of
/// the new key through the change beacon before its next request.
@Suite struct GuestsCommandTests {
    static let environment = ["HUB_SLICES": CutoverFixture.all.joined(separator: ","), "HUB_GLOBAL_API_KEY": TestHub.globalKey]

    private func hub(_ arguments: [String], _ fixture: CutoverFixture) async throws -> ExternalProcess.Outcome {
        try await ExternalProcess.hub(arguments, dataDirectory: fixture.hub.directory, environment: Self.environment)
    }

    /// The 64-hex words of `text`.
    private func keys(in text: String) -> [String] {
        text.split(whereSeparator: { !$0.isHexDigit }).map(String.init).filter { $0.count == 64 && $0 == $0.lowercased() }
    }

    @Test func theCommandMintsAKeyAndTheServingHubDropsTheOldOne() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let guestID = "\(host.id)/101"
        let old = try await fixture.guestKey(guestID)
        // Used once, so the serving hub holds it in its key cache.
        #expect(try await fixture.controllerReport(key: old).status == 200)

        let outcome = try await hub(["guests", "key", guestID], fixture)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains(guestID))
        let printed = keys(in: outcome.stdout)
        #expect(printed.count == 1, "\(outcome.stdout)")
        let new = try #require(printed.first)
        #expect(new != old)

        #expect(try await fixture.controllerReport(key: old).status == 401)
        #expect(try await fixture.controllerReport(key: new).status == 200)
    }

    @Test func jsonOutputAndAnUnknownGuest() async throws {
        let fixture = try await CutoverFixture.cutOver()
        try await fixture.addCustomer("acme")
        let host = try await fixture.addHost(customer: "acme")
        let guestID = "\(host.id)/101"

        let outcome = try await hub(["guests", "key", guestID, "--json"], fixture)
        #expect(outcome.status == 0, "\(outcome)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stdout)")
        #expect(Set(answer.keys) == ["guest_id", "api_key"])
        #expect(answer["guest_id"] as? String == guestID)
        let key = try #require(answer["api_key"] as? String)
        #expect(keys(in: key) == [key])
        #expect(try await fixture.controllerReport(key: key).status == 200)

        let unknown = try await hub(["guests", "key", "\(host.id)/999"], fixture)
        #expect(unknown.status == 1, "\(unknown)")
        #expect(unknown.stderr.contains("no guest"), "\(unknown.stderr)")
        #expect(unknown.stdout.isEmpty)
    }
}
