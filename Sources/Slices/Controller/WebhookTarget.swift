import Kernel

/// Where and how a customer's events are sent, read at delivery time so that a changed
/// URL or a rotated secret applies to deliveries still waiting.
struct WebhookTarget: Sendable, SnakeCaseRecord {
    let url: String
    /// The `webhook_secret` shown once to the operator; the HMAC key, as its UTF-8 bytes.
    let secret: String
}
