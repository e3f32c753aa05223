import GRDB

/// The denormalised figures of one stored host report.
public struct ReportFigures: Sendable, Equatable, Codable {
    public let reportedAt: String
    public let receivedAt: String
    public let agentVersion: String
    public let cpuPercent: Double?
    public let memPercent: Double?
    public let diskPercent: Double?
    public let guestTotal: Int
    public let guestRunning: Int
    public let cloudflaredStatus: String?

    enum CodingKeys: String, CodingKey {
        case reportedAt = "reported_at"
        case receivedAt = "received_at"
        case agentVersion = "agent_version"
        case cpuPercent = "cpu_percent"
        case memPercent = "mem_percent"
        case diskPercent = "disk_percent"
        case guestTotal = "guest_total"
        case guestRunning = "guest_running"
        case cloudflaredStatus = "cloudflared_status"
    }

    init(row: Row) {
        reportedAt = row["reported_at"]
        receivedAt = row["received_at"]
        agentVersion = row["agent_version"]
        cpuPercent = row["cpu_percent"]
        memPercent = row["mem_percent"]
        diskPercent = row["disk_percent"]
        guestTotal = row["guest_total"]
        guestRunning = row["guest_running"]
        cloudflaredStatus = row["cloudflared_status"]
    }
}
