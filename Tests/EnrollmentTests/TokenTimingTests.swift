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

        // In pairs, back to back, the first of each pair alternating: whatever slows the
        // machine for a moment slows both of a pair alike, and the median of the pairs'
        // differences is what a token's being known adds, with the load's drift cancelled.
        let (differences, durations) = try await fixture.hub.withClient { client in
            var differences: [Double] = []
            var durations: [Double] = []
            for round in 0..<600 {
                let order = round.isMultiple(of: 2) ? [(known.token, true), (unknown, false)] : [(unknown, false), (known.token, true)]
                var pair: [Bool: Double] = [:]
                for (token, isKnown) in order {
                    let started = ContinuousClock.now
                    let reply = try await client.send(.post, "/api/v1/enroll", json: ["token": token, "hostname": "pve1", "agent_version": "0.4.0"])
                    let elapsed = ContinuousClock.now - started
                    #expect(reply.status == 401)
                    pair[isKnown] = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
                }
                guard round >= 100, let knownTime = pair[true], let unknownTime = pair[false] else { continue } // warm-up
                differences.append(knownTime - unknownTime)
                durations.append(contentsOf: [knownTime, unknownTime])
            }
            return (differences, durations)
        }
        let typical = Self.median(durations)
        // A string comparison that stops at the first difference, or a miss path that
        // skips the database, would differ by far more than this on a quiet or busy machine.
        let difference = abs(Self.median(differences))
        #expect(
            difference < max(100, 0.15 * typical),
            "a known token takes \(Self.median(differences)) µs more than an unknown one (median of pairs); a refusal takes \(typical) µs"
        )
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
