import Foundation
import HubTestSupport
import Testing

/// `hub serve` under a low descriptor limit, flooded with idle connections: the excess
/// is refused at once, `/healthz` is not starved, the hub does not spin a core, and the
/// idle connections are closed by the (shortened) timeouts.
@Suite struct ConnectionFloodTests {
    static let descriptorLimit = 64
    static let idleConnections = 150

    @Test func idleConnectionsBeyondTheDescriptorLimitNeitherStarveNorSpinTheHub() async throws {
        try await withDataDirectory { directory in
            let hub = try await ServingHub(
                dataDirectory: directory, descriptorLimit: Self.descriptorLimit,
                environment: ["HUB_HEADER_TIMEOUT_SECONDS": "3", "HUB_IDLE_TIMEOUT_SECONDS": "3"]
            )
            defer { hub.stop() }
            let idle = try (0..<Self.idleConnections).map { _ in try RawConnection(port: hub.port) }

            let last = try #require(idle.last)
            let excess = await last.response()
            #expect(excess.hasPrefix("HTTP/1.1 503"), "the last idle connection got: \(excess.prefix(200))\n\(hub.logText)")
            #expect(excess.lowercased().contains("retry-after: "))

            let health = try RawConnection(port: hub.port)
            health.send("GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")
            let healthAnswer = await health.response()
            #expect(
                healthAnswer.hasPrefix("HTTP/1.1 200") || healthAnswer.hasPrefix("HTTP/1.1 503"),
                "/healthz got: \(healthAnswer.prefix(200))"
            )

            // A measuring window, not a wait: the CPU the hub uses while the idle
            // connections sit there. Spinning on `accept` would use most of a core.
            let window = 3.0
            let cpuBefore = try hub.cpuSeconds
            try await Task.sleep(for: .seconds(window))
            let cpuUsed = try hub.cpuSeconds - cpuBefore
            #expect(cpuUsed < window * 0.15, "the hub used \(cpuUsed) s of CPU in \(window) s")

            try await eventually("every idle connection to be refused or closed by the head deadline", seconds: 30) {
                idle.allSatisfy(\.peerHasClosed)
            }
            let kept = try RawConnection(port: hub.port)
            kept.send("GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
            #expect(await kept.response().hasPrefix("HTTP/1.1 200"))
            try await eventually("the idle kept-alive connection to be closed", seconds: 30) { kept.peerHasClosed }
            #expect(hub.openDescriptors < Self.descriptorLimit, "the hub still holds \(hub.openDescriptors) descriptors")
        }
    }
}
