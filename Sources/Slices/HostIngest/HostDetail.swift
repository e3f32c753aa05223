/// A host as `GET /api/v1/admin/hosts/{host_id}` shows it: the host, its guests, its
/// latest report's figures and its dead-man's-switch state.
struct HostDetail: Encodable {
    let host: Host
    /// `ok`, `stale`, `down`, `never` for a host that has not reported, `revoked`.
    let staleness: String
    let guests: [GuestDetail]?
    let lastReport: ReportFigures?

    enum CodingKeys: CodingKey {
        case staleness, guests, lastReport
    }

    /// The host's own keys, then the rest beside them; a detail says `"last_report":
    /// null` for a host without reports, a list entry leaves both out.
    func encode(to encoder: any Encoder) throws {
        try host.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(staleness, forKey: .staleness)
        if let guests {
            try container.encode(guests, forKey: .guests)
            try container.encode(lastReport, forKey: .lastReport)
        }
    }
}
