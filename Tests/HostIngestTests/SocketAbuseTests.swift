import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import Testing

/// Requests only a broken or hostile client sends, over a real socket: the hub answers
/// or hangs up, never crashes, keeps serving others, and stores nothing.
@Suite struct SocketAbuseTests {
    func head(_ hostKey: String, length: Int) -> String {
        "POST /api/v1/host-report HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer \(hostKey)\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func headerOnlyRequestThenHangUpStoresNothing() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        try await fixture.hub.hub.application(port: 0).test(.live) { client in
            let connection = try RawConnection(port: client.port!)
            connection.send(head(host.key, length: 900))
            try await Task.sleep(for: .milliseconds(100))
            _ = connection
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
        #expect(try await fixture.hub.count("host_reports") == 0)
    }

    @Test func stalledBodyDoesNotBlockOthersAndStoresNothing() async throws {
        // The test hub's timeouts are far beyond the test's length: what is tested is that
        // the stalled body does not hold others up, not when the hub gives up on it.
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = try JSONText.encode(HostIngestFixture.report(hostID: host.id))
        try await fixture.hub.hub.application(port: 0).test(.live) { client in
            let stalled = try RawConnection(port: client.port!)
            stalled.send(head(host.key, length: body.utf8.count))
            for chunk in Array(body.utf8.prefix(200)).chunked(by: 20) {
                stalled.send(chunk)
                try await Task.sleep(for: .milliseconds(20))
            }
            let other = try await client.execute(uri: "/healthz", method: .get)
            #expect(other.status == .ok)
        }
        #expect(try await fixture.hub.count("host_reports") == 0)
    }

    @Test func slowButCompleteBodyIsAccepted() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        let body = Array(try JSONText.encode(HostIngestFixture.report(hostID: host.id)).utf8)
        let answer = try await fixture.hub.hub.application(port: 0).test(.live) { client in
            let connection = try RawConnection(port: client.port!)
            connection.send(head(host.key, length: body.count))
            for chunk in body.chunked(by: max(1, body.count / 8)) {
                connection.send(chunk)
                try await Task.sleep(for: .milliseconds(15))
            }
            return await connection.response()
        }
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
        #expect(try await fixture.hub.count("host_reports") == 1)
    }

    @Test func hugeHeadersAndGarbageLinesAreRefusedWithoutHarm() async throws {
        let fixture = try await HostIngestFixture.make()
        let host = try await fixture.mintHost()
        try await fixture.hub.hub.application(port: 0).test(.live) { client in
            let huge = try RawConnection(port: client.port!)
            huge.send("POST /api/v1/host-report HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer \(String(repeating: "k", count: 200_000))\r\nContent-Length: 2\r\n\r\n{}")
            let hugeAnswer = await huge.response()
            #expect(!hugeAnswer.hasPrefix("HTTP/1.1 5"), "\(hugeAnswer.prefix(200))")
            let garbage = try RawConnection(port: client.port!)
            garbage.send("\u{01}\u{02}NOT HTTP AT ALL\r\n\r\n")
            #expect(!(await garbage.response()).hasPrefix("HTTP/1.1 5"))
            let ok = try await client.execute(
                uri: "/api/v1/host-report", method: .post, headers: [.authorization: "Bearer \(host.key)"],
                body: .init(string: try JSONText.encode(HostIngestFixture.report(hostID: host.id)))
            )
            #expect(ok.status == .ok)
        }
        #expect(try await fixture.hub.count("host_reports") == 1)
    }
}

extension Array {
    func chunked(by size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
