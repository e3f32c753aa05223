/// The answer to a host report (agent protocol §5): how often to report, whether the
/// customer is blocked, and what the agent should fetch next.
public struct ControlEnvelope: Sendable, Equatable, Codable {
    public var status = "ok"
    public let pollIntervalSeconds: Int
    public let blocked: Bool
    public let desiredGeneration: Int64
    public let hasSignedOps: Bool

    public init(pollIntervalSeconds: Int, blocked: Bool, facts: ControlFacts) {
        self.pollIntervalSeconds = pollIntervalSeconds
        self.blocked = blocked
        self.desiredGeneration = facts.desiredGeneration
        self.hasSignedOps = facts.hasSignedOps
    }
}

extension ControlEnvelope {
    /// The envelope as the hub's JSON (keys sorted, as ``WireJSON`` writes them), built
    /// directly: every report is answered with one, and an encoder costs more than the
    /// five fields.
    public var json: String {
        "{\"blocked\":\(blocked),\"desired_generation\":\(desiredGeneration),\"has_signed_ops\":\(hasSignedOps),"
            + "\"poll_interval_seconds\":\(pollIntervalSeconds),\"status\":\"\(status)\"}"
    }
}

/// What later slices put into the envelope; the placeholders of slice 3 are `.none`.
public struct ControlFacts: Sendable, Equatable {
    public var desiredGeneration: Int64
    public var hasSignedOps: Bool

    public init(desiredGeneration: Int64, hasSignedOps: Bool) {
        self.desiredGeneration = desiredGeneration
        self.hasSignedOps = hasSignedOps
    }

    public static let none = ControlFacts(desiredGeneration: 0, hasSignedOps: false)
}
