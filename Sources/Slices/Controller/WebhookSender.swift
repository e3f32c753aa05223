import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one event to one webhook: `POST` of the event JSON with its signature and id,
/// within a short timeout, redirects not followed (a redirect could lead anywhere,
/// including where the target policy forbids).
///
/// The connection goes to the ``WebhookDestination``'s checked address and nowhere
/// else: the client's DNS override maps the URL's host to it, so the client does not
/// resolve the name again (and TLS still checks the certificate against the name). A
/// client is made for each attempt because the override belongs to the client.
struct WebhookSender: Sendable {
    /// How long a receiver has to answer, connection included.
    var timeout: TimeAmount = .seconds(5)
    /// The largest answer body read (and thrown away) before the connection is closed.
    static let answerLimit = 64 * 1024
    /// What a failure to reach a non-public target records, whatever the cause.
    static let unreachable = "the target could not be reached"

    func send(_ item: OutboxItem, to target: WebhookTarget, at destination: WebhookDestination) async -> WebhookAttempt {
        var request = HTTPClientRequest(url: target.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "felhom-hub")
        request.headers.add(name: WebhookSignature.headerName, value: WebhookSignature.header(body: Data(item.body.utf8), secret: target.secret))
        request.headers.add(name: "X-Hub-Event-Id", value: "\(item.eventID)")
        request.headers.add(name: "X-Hub-Event-Type", value: item.eventType)
        request.body = .bytes(ByteBuffer(string: item.body))
        do {
            let status = try await HTTPClient.withHTTPClient(configuration: clientConfiguration(pinnedTo: destination)) { client in
                let response = try await client.execute(request, timeout: timeout)
                _ = try? await response.body.collect(upTo: Self.answerLimit)
                return Int(response.status.code)
            }
            return (200..<300).contains(status) ? .acknowledged(status: status) : .failed("the receiver answered \(status)")
        } catch {
            return .failed(destination.isPublicAndNotTheHub ? Self.describe(error) : Self.unreachable)
        }
    }

    /// Redirects off, no decompression (the answer is thrown away), the timeout, and
    /// the URL's host mapped to the checked address.
    func clientConfiguration(pinnedTo destination: WebhookDestination) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: timeout, read: timeout))
        configuration.decompression = .disabled
        for key in destination.endpoint.clientOverrideKeys {
            configuration.dnsOverride[key] = "\(destination.connectionAddress)"
        }
        return configuration
    }

    /// A short description of a transport failure to a public address. The operating
    /// system's words ("Connection refused") are kept there: they help the operator and
    /// say nothing about the hub's own network.
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
