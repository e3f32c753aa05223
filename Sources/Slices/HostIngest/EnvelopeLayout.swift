/// The members of the answer to a host report in the order the hub writes them (sorted,
/// as ``WireJSON`` sorts keys), with the placeholders of the fields later slices declare.
///
/// Worked out once when the hub is assembled: every report is answered with an envelope,
/// and sorting its members or merging placeholders for each one would cost more than
/// writing the handful of members does.
package struct EnvelopeLayout: Sendable {
    private enum Member: Sendable {
        case status
        case pollIntervalSeconds
        case blocked
        case field(name: String, placeholder: EnvelopeValue)
    }

    private let members: [(name: String, member: Member)]

    /// `fields` are the declared ``EnvelopeField``s; a name declared twice keeps its
    /// first declaration, and none may shadow the three members host-ingest writes itself.
    package init(fields: [EnvelopeField]) {
        var members: [(name: String, member: Member)] = [
            ("status", .status), ("poll_interval_seconds", .pollIntervalSeconds), ("blocked", .blocked),
        ]
        for field in fields where !members.contains(where: { $0.name == field.name }) {
            members.append((field.name, .field(name: field.name, placeholder: field.placeholder)))
        }
        self.members = members.sorted { $0.name < $1.name }
    }

    /// The envelope as the hub's JSON; a declared field the envelope has no value for is
    /// written with its placeholder.
    package func json(_ envelope: ControlEnvelope) -> String {
        var json = "{"
        json.reserveCapacity(128)
        for (index, entry) in members.enumerated() {
            if index > 0 { json += "," }
            json += "\"\(entry.name)\":"
            switch entry.member {
            case .status: json += "\"\(envelope.status)\""
            case .pollIntervalSeconds: json += String(envelope.pollIntervalSeconds)
            case .blocked: json += envelope.blocked ? "true" : "false"
            case .field(let name, let placeholder): json += (envelope.fields[name] ?? placeholder).json
            }
        }
        json += "}"
        return json
    }
}
