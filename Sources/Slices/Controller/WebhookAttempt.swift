/// How one POST to a webhook went.
enum WebhookAttempt: Sendable, Equatable {
    /// The receiver answered 2xx: the event is delivered.
    case acknowledged(status: Int)
    /// Anything else — another status, a timeout, a refused connection, a target the
    /// policy refuses. The text says which, for `last_error` and the log (never the
    /// secret, the signature or the URL).
    case failed(String)
}
