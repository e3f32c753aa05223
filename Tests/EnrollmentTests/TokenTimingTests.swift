import Foundation
import HubTestSupport
import Testing

/// A token the hub knows but refuses (expired) and one it never issued take the same
/// time to refuse: the answer's time tells an attacker nothing about which tokens exist.
@Suite struct TokenTimingTests {
    @Test func knownAndUnknownTokensAreRefusedInTheSameTime() async throws {
        let fixture = try await EnrollmentFixture.make(settings: ["HUB_ENROLL_FAILURES_PER_MINUTE": "100000"])
        let known = try await fixture.issueToken(ttlSeconds: 60)
        fixture.hub.clock.advance(by: 61)
        let unknown = "felhom_enroll_" + String(repeating: "7", count: 64)

        // Interleaved, so that whatever slows the machine slows both alike.
        let (knownTimes, unknownTimes) = try await fixture.hub.withClient { client in
            var knownTimes: [Double] = []
            var unknownTimes: [Double] = []
            for round in 0..<600 {
                for (token, isKnown) in [(known.token, true), (unknown, false)] {
                    let started = ContinuousClock.now
                    let reply = try await client.send(.post, "/api/v1/enroll", json: ["token": token, "hostname": "pve1", "agent_version": "0.4.0"])
                    let elapsed = ContinuousClock.now - started
                    #expect(reply.status == 401)
                    guard round >= 100 else { continue } // warm-up
                    let microseconds = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
                    if isKnown { knownTimes.append(microseconds) } else { unknownTimes.append(microseconds) }
                }
            }
            return (knownTimes, unknownTimes)
        }
        let knownMedian = Self.median(knownTimes)
        let unknownMedian = Self.median(unknownTimes)
        // A string comparison that stops at the first difference, or a miss path that
        // skips the database, would differ by far more than this on a quiet or busy machine.
        let difference = abs(knownMedian - unknownMedian)
        #expect(
            difference < max(100, 0.15 * min(knownMedian, unknownMedian)),
            "median \(knownMedian) µs for a known token, \(unknownMedian) µs for an unknown one"
        )
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
