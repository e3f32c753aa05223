/// The answer to a host report (agent protocol §5): `status`, how often to report
/// (`poll_interval_seconds`), whether the customer is `blocked`, and the fields later
/// slices add (``EnvelopeField``) for the hosts they speak for. ``EnvelopeLayout`` writes
/// it, with the placeholders of the fields no slice gave a value.
package struct ControlEnvelope: Sendable, Equatable {
    package var status = "ok"
    package let pollIntervalSeconds: Int
    package let blocked: Bool
    /// The values later slices gave for this host, by field name.
    package let fields: [String: EnvelopeValue]

    package init(pollIntervalSeconds: Int, blocked: Bool, fields: [String: EnvelopeValue]) {
        self.pollIntervalSeconds = pollIntervalSeconds
        self.blocked = blocked
        self.fields = fields
    }
}
