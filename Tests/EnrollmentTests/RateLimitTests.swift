import EnrollmentSlice
import Foundation
import HubTestSupport
import Testing

/// Failed enrollments are limited per client address; the limit passes with its minute.
@Suite struct RateLimitTests {
    @Test func tooManyFailuresAre429EvenForAGoodTokenUntilTheMinuteIsOver() async throws {
        let fixture = try await EnrollmentFixture.make()
        let token = try await fixture.issueToken()
        for _ in 0..<10 {
            #expect(try await fixture.enroll(token: "felhom_enroll_guess").status == 401)
        }
        let limited = try await fixture.enroll(token: token.token)
        #expect(limited.status == 429 && limited.errorCode == "too_many_attempts", "\(limited.body)")
        let retryAfter = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
        #expect((1...60).contains(retryAfter))
        #expect(try await fixture.hub.count("hosts") == 0)

        fixture.hub.clock.advance(by: TimeInterval(retryAfter))
        #expect(try await fixture.enroll(token: token.token).status == 201)
    }

    @Test func theLimitIsASetting() async throws {
        let fixture = try await EnrollmentFixture.make(settings: ["HUB_ENROLL_FAILURES_PER_MINUTE": "2"])
        #expect(try await fixture.enroll(token: "x").status == 401)
        #expect(try await fixture.enroll(token: "x").status == 401)
        #expect(try await fixture.enroll(token: "x").status == 429)
    }
}
