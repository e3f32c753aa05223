import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one event to one webhook: `POST` of the event JSON with its signature and id,
/// within a short timeout, redirects not followed (a redirect could lead anywhere,
/// including where the target policy forbids).
struct WebhookSender: Sendable {
    /// How long a receiver has to answer, connection included.
    var timeout: TimeAmount = .seconds(5)
    /// The largest answer body read (and thrown away) before the connection is reused.
    static let answerLimit = 64 * 1024

    /// The client configuration every dispatcher loop uses.
    static var clientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: .seconds(5))
        )
        configuration.decompression = .disabled
        return configuration
    }

    func send(_ item: OutboxItem, to target: WebhookTarget, using client: HTTPClient) async -> WebhookAttempt {
        var request = HTTPClientRequest(url: target.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "felhom-hub")
        request.headers.add(name: WebhookSignature.headerName, value: WebhookSignature.header(body: Data(item.body.utf8), secret: target.secret))
        request.headers.add(name: "X-Hub-Event-Id", value: "\(item.eventID)")
        request.headers.add(name: "X-Hub-Event-Type", value: item.eventType)
        request.body = .bytes(ByteBuffer(string: item.body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            _ = try? await response.body.collect(upTo: Self.answerLimit)
            let status = Int(response.status.code)
            return (200..<300).contains(status) ? .acknowledged(status: status) : .failed("the receiver answered \(status)")
        } catch {
            return .failed(Self.describe(error))
        }
    }

    /// A short description of a transport failure.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "the receiver did not answer in time"
            case .remoteConnectionClosed: return "the receiver closed the connection"
            default: break
            }
        }
        let text = "\(error)"
        return "the request failed: " + (text.count > 200 ? String(text.prefix(200)) + "…" : text)
    }
}
