import Foundation
import HubTestSupport
import Testing

/// While enrollment is on, host-ingest's provisional paths default off; an operator can
/// switch them on again for a repair.
@Suite struct ProvisionalFlagsTests {
    @Test func adminMintAndGlobalBootstrapDefaultOffUnderEnrollment() async throws {
        let fixture = try await EnrollmentFixture.make()
        let mint = try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"])
        #expect(mint.status == 404)
        let flags = try await fixture.admin(.get, "/api/v1/admin/flags")
        let states = (flags.json["flags"] as? [[String: Any]] ?? []).reduce(into: [String: Bool]()) { $0[$1["name"] as? String ?? ""] = $1["enabled"] as? Bool }
        #expect(states["admin_mint"] == false && states["global_key_bootstrap"] == false)

        // An enrolled host cannot be reported for with the global key either.
        let token = try await fixture.issueToken()
        let hostID = try #require(try await fixture.enroll(token: token.token).json["host_id"] as? String)
        #expect(try await fixture.report(hostID: hostID, key: TestHub.globalKey).status == 401)
    }

    @Test func anOperatorMaySwitchTheMintOnAgainAndItIsAudited() async throws {
        let fixture = try await EnrollmentFixture.make()
        let set = try await fixture.admin(.put, "/api/v1/admin/flags/admin_mint", ["enabled": true])
        #expect(set.status == 200)
        let mint = try await fixture.admin(.post, "/api/v1/admin/hosts", ["customer_id": "acme"])
        #expect(mint.status == 201)
        let audited = try await fixture.hub.count("kernel_flag_audit", where: "flag = 'admin_mint'")
        #expect(audited == 1)
    }
}
