import Foundation
import HubTestSupport
import Testing

/// Installers racing on one token: it is used exactly as often as it allows.
@Suite struct TokenUseRaceTests {
    func race(_ fixture: EnrollmentFixture, token: String, installers: Int) async throws -> [Int] {
        try await fixture.hub.withClient { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<installers {
                    group.addTask {
                        try await client.send(.post, "/api/v1/enroll", json: ["token": token, "hostname": "pve\(index)", "agent_version": "0.4.0"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    @Test(arguments: [(1, 20), (3, 20), (5, 2)])
    func concurrentEnrollmentsCreateAsManyHostsAsTheTokenAllows(uses: Int, installers: Int) async throws {
        let fixture = try await EnrollmentFixture.make(settings: ["HUB_ENROLL_FAILURES_PER_MINUTE": "1000"])
        let token = try await fixture.issueToken(uses: uses)
        let statuses = try await race(fixture, token: token.token, installers: installers)
        let expected = min(uses, installers)
        #expect(statuses.filter { $0 == 201 }.count == expected, "\(statuses)")
        #expect(statuses.filter { $0 == 401 }.count == installers - expected, "\(statuses)")
        #expect(try await fixture.hub.count("hosts") == expected)
        #expect(try await fixture.hub.count("kernel_events", where: "type = 'host_enrolled'") == expected)
        let used = try await fixture.hub.database.read { db in try Int.fetchOne(db, sql: "SELECT used FROM enrollment_tokens") }
        #expect(used == expected)
    }
}
