/// The answer to a controller's report (agent protocol §3): `{"status": "ok",
/// "poll_interval_seconds", "blocked"}`. Exported, so that the path controllers report on
/// after the cutover answers exactly the same.
package struct ReportAcknowledgement: Encodable, Sendable {
    let status = "ok"
    let pollIntervalSeconds: Int
    let blocked: Bool

    package init(pollIntervalSeconds: Int, blocked: Bool) {
        self.pollIntervalSeconds = pollIntervalSeconds
        self.blocked = blocked
    }
}
