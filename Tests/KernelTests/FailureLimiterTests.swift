import Kernel
import Foundation
import Testing

@Suite struct FailureLimiterTests {
    /// An attacker cycling through addresses cannot grow the table past its capacity,
    /// and a client over its limit stays limited while others come and go.
    @Test func manyAddressesCannotGrowTheTable() {
        let limiter = FailureLimiter(limit: 3, capacity: 100)
        let now = Date()
        for _ in 0..<3 { limiter.recordFailure(client: "192.0.2.1", now: now) }
        for index in 0..<10_000 {
            limiter.recordFailure(client: "198.51.\(index / 256).\(index % 256)", now: now.addingTimeInterval(1))
        }
        #expect(limiter.trackedClients <= 100)
        #expect(limiter.retryAfter(client: "192.0.2.1", now: now.addingTimeInterval(2)) != nil)
        #expect(limiter.retryAfter(client: "192.0.2.1", now: now.addingTimeInterval(60)) == nil)
    }

    @Test func ipv6ClientsCountByTheirSlash64() {
        let limiter = FailureLimiter(limit: 2)
        let now = Date()
        limiter.recordFailure(client: "2001:db8:1:2::1", now: now)
        limiter.recordFailure(client: "2001:db8:1:2:ffff::9", now: now)
        #expect(limiter.retryAfter(client: "2001:db8:1:2::77", now: now) != nil)
        #expect(limiter.retryAfter(client: "2001:db8:1:3::1", now: now) == nil)
        #expect(ClientBlock.key("::ffff:192.0.2.7") == "192.0.2.7")
    }
}
