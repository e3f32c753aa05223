import Kernel

/// A host's state as the dashboard shows and filters it: `revoked` once an operator
/// revoked it, `never` while it has not reported, else what the host dead-man's switch
/// last recorded for it (`stale`, `down`) or `ok`.
///
/// The same rule as the admin API's `staleness` (``HostAdminRoutes/staleness(_:_:)``),
/// written once more in SQL so that a fleet of 100,000 hosts is filtered and counted by
/// the database rather than loaded row by row.
enum HostState: String, CaseIterable, Sendable {
    case ok, stale, down, never, revoked

    /// The state of `host` (alias `h`) with its recorded subject state (alias `s`, joined
    /// on ``subjectStateJoin``), as an SQL expression.
    static let sqlExpression = """
        CASE WHEN h.revoked_at IS NOT NULL THEN 'revoked' WHEN h.last_report_at IS NULL THEN 'never' \
        ELSE COALESCE(s.state, 'ok') END
        """

    /// Joins each host `h` to what the host dead-man's switch recorded for it, as `s`;
    /// binds one argument, ``checker``.
    ///
    /// The states stay under host-ingest's checker name even after the cutover, whose
    /// fleet-wide checker runs host-ingest's own switch as one of its parts.
    static let subjectStateJoin = "LEFT JOIN \(SubjectStates.table) AS s ON s.checker = ? AND s.subject = h.host_id"
    static let checker = HostIngestVocabulary.stalenessChecker

    /// The hosts in this state, as an SQL condition on `h` and `s` (joined as
    /// ``subjectStateJoin``): ``sqlExpression`` `= state`, spelled so that SQLite can use
    /// an index for it.
    var condition: String {
        switch self {
        case .ok: "h.revoked_at IS NULL AND h.last_report_at IS NOT NULL AND COALESCE(s.state, 'ok') = 'ok'"
        case .stale, .down: "s.state = '\(rawValue)' AND h.revoked_at IS NULL AND h.last_report_at IS NOT NULL"
        case .never: "h.revoked_at IS NULL AND h.last_report_at IS NULL"
        case .revoked: "h.revoked_at IS NOT NULL"
        }
    }

    /// Whether few hosts are usually in this state, so that a page of them is best found
    /// through the index of the state (then sorted) rather than by walking the whole
    /// fleet in last-seen order until a page is full.
    var isRare: Bool {
        switch self {
        case .stale, .down, .revoked: true
        case .ok, .never: false
        }
    }

    /// What a `state` query value asks for: `nil` for any state (absent, empty or `any`).
    static func filter(_ text: String?) throws -> HostState? {
        guard let text, text != "any" else { return nil }
        guard let state = HostState(rawValue: text) else {
            throw HubError.badRequest("invalid_query", "state must be any, \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return state
    }
}
