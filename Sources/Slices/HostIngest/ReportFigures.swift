import GRDB
import Kernel

/// The denormalised figures of one stored host report.
public struct ReportFigures: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "host_reports"
    /// The raw report (up to 4 MiB) stays in the table.
    public static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["raw_json"])] }

    public let reportedAt: Timestamp
    public let receivedAt: Timestamp
    public let agentVersion: String
    public let cpuPercent: Double?
    public let memPercent: Double?
    public let diskPercent: Double?
    public let guestTotal: Int
    public let guestRunning: Int
    public let cloudflaredStatus: String?
}
