import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

@Suite struct AuthTests {
    let host = Principal(kind: HostIngestVocabulary.hostKind, id: "acme-aaaaaa", customerID: "acme")
    let global = Principal(kind: .global, id: "global", customerID: nil)
    let customer = Principal(kind: "customer", id: "acme", customerID: "acme")

    @Test func globalKeyTrustsTheBodyHostWhileBootstrapIsOn() throws {
        #expect(HostAuthCheck.admits(global, bootstrapAllowed: true))
        #expect(try HostAuthCheck.check(global, bodyHostID: "acme-bbbbbb", bootstrapAllowed: true) == .globalBootstrap(hostID: "acme-bbbbbb"))
    }

    @Test func perHostKeyIsBoundToItsHost() throws {
        #expect(try HostAuthCheck.check(host, bodyHostID: "acme-aaaaaa", bootstrapAllowed: false) == .host(hostID: "acme-aaaaaa", customerID: "acme"))
        #expect(throws: HubError(.forbidden, "host_mismatch", "host_id does not match this key's host")) {
            try HostAuthCheck.check(host, bodyHostID: "acme-bbbbbb", bootstrapAllowed: true)
        }
    }

    @Test func otherKindsAreNotOk() {
        #expect(!HostAuthCheck.admits(customer, bootstrapAllowed: true))
        #expect(throws: HubError.unauthorized) { try HostAuthCheck.check(customer, bodyHostID: "acme-aaaaaa", bootstrapAllowed: true) }
    }

    @Test func unknownKeyGets401() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: String(repeating: "0", count: 64))
        #expect(reply.status == 401)
        #expect(reply.errorCode == "unauthorized")
    }

    @Test func globalKeyWithBootstrapOffGets401() async throws {
        let fixture = try await HostIngestFixture.make(flags: [HostIngestVocabulary.globalKeyBootstrap: false])
        let host = try await fixture.mintHost()
        #expect(!HostAuthCheck.admits(global, bootstrapAllowed: false))
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: TestHub.globalKey)
        #expect(reply.status == 401)
        #expect(try await fixture.hub.count("host_reports") == 0)
    }

    @Test func customerKeyCannotReportForAHost() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let reply = try await fixture.sendReport(HostIngestFixture.report(hostID: host.id), key: fixture.customerKey)
        #expect(reply.status == 403)
    }
}
