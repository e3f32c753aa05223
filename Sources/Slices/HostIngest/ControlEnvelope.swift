/// The answer to a host report (agent protocol §5): `status`, how often to report
/// (`poll_interval_seconds`), whether the customer is `blocked`, and the fields later
/// slices add (``EnvelopeField``) — each with its placeholder for hosts no slice speaks
/// for.
package struct ControlEnvelope: Sendable, Equatable {
    package var status = "ok"
    package let pollIntervalSeconds: Int
    package let blocked: Bool
    /// The contributed fields' values, by name.
    package let fields: [String: EnvelopeValue]

    package init(pollIntervalSeconds: Int, blocked: Bool, fields: [String: EnvelopeValue]) {
        self.pollIntervalSeconds = pollIntervalSeconds
        self.blocked = blocked
        self.fields = fields
    }

    /// The envelope as the hub's JSON (keys sorted, as ``WireJSON`` writes them), built
    /// directly: every report is answered with one, and an encoder costs more than the
    /// handful of fields.
    package var json: String {
        var members = fields.map { ($0.key, $0.value.json) }
        members.append(("blocked", "\(blocked)"))
        members.append(("poll_interval_seconds", "\(pollIntervalSeconds)"))
        members.append(("status", "\"\(status)\""))
        members.sort { $0.0 < $1.0 }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
