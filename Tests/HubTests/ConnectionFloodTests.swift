import Foundation
import HubTestSupport
import Testing

/// `hub serve` under a low descriptor limit, flooded with idle connections: the excess
/// is refused at once, `/healthz` is not starved, the hub does not spin a core, and the
/// idle connections are closed by the (shortened) timeouts.
@Suite struct ConnectionFloodTests {
    /// 128 descriptors keep 64 back from the connection cap, as every larger limit does
    /// (`ServerLimits`): with fewer kept back, the database, the event loops and the
    /// runtime itself can run short while the flood holds the rest.
    static let descriptorLimit = 128
    static let idleConnections = 200

    struct FloodSummary: Decodable {
        let opened: Int
        /// What the last connection opened received first: it is over the cap.
        let lastAnswer: String
        /// Connections the hub answered or closed before the script stopped waiting.
        let finished: Int
    }

    @Test func idleConnectionsBeyondTheDescriptorLimitNeitherStarveNorSpinTheHub() async throws {
        try await withDataDirectory { directory in
            let hub = try await ServingHub(
                dataDirectory: directory, descriptorLimit: Self.descriptorLimit,
                environment: ["HUB_HEADER_TIMEOUT_SECONDS": "3", "HUB_IDLE_TIMEOUT_SECONDS": "3"]
            )
            defer { hub.stop() }
            // The idle connections live in a helper process, so this test process does
            // not hold their descriptors.
            let ready = directory.appendingPathComponent("flood-ready")
            let script = ExternalProcess.repositoryRoot.appendingPathComponent("Tests/Scripts/idle_flood.py").path
            let arguments = [script, "\(hub.port)", "\(Self.idleConnections)", ready.path, "40"]
            async let flood = ExternalProcess.run("python3", arguments)
            try await eventually("the idle connections to be open", seconds: 60) { FileManager.default.fileExists(atPath: ready.path) }

            let health = try RawConnection(port: hub.port)
            health.send("GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")
            let healthAnswer = await health.response(within: 10)
            #expect(
                healthAnswer.hasPrefix("HTTP/1.1 200") || healthAnswer.hasPrefix("HTTP/1.1 503"),
                "/healthz got: \(healthAnswer.prefix(200))\n\(hub.logText)"
            )

            // A measuring window, not a wait: the CPU the hub uses while the idle
            // connections sit there. Spinning on `accept` would use most of a core.
            let window = 3.0
            let cpuBefore = try hub.cpuSeconds
            try await Task.sleep(for: .seconds(window))
            let cpuUsed = try hub.cpuSeconds - cpuBefore
            #expect(cpuUsed < window * 0.15, "the hub used \(cpuUsed) s of CPU in \(window) s")

            let outcome = try await flood
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let summary = try decoder.decode(FloodSummary.self, from: Data(outcome.stdout.utf8))
            #expect(summary.opened == Self.idleConnections, "\(outcome.stderr)")
            #expect(summary.lastAnswer.hasPrefix("HTTP/1.1 503"), "the last idle connection got: \(summary.lastAnswer.prefix(200))")
            #expect(summary.lastAnswer.lowercased().contains("retry-after: "))
            #expect(summary.finished == summary.opened, "\(summary.opened - summary.finished) idle connections were never closed")

            let kept = try RawConnection(port: hub.port)
            kept.send("GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n")
            #expect(await kept.response().hasPrefix("HTTP/1.1 200"))
            try await eventually("the idle kept-alive connection to be closed", seconds: 30) { kept.peerHasClosed }
        }
    }
}
