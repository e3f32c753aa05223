import GRDB
import Kernel

/// The denormalised figures of one stored host report.
package struct ReportFigures: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    package static let databaseTableName = "host_reports"
    /// The raw report (up to 4 MiB) stays in the table.
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["raw_json"])] }

    package let reportedAt: Timestamp
    package let receivedAt: Timestamp
    package let agentVersion: String
    package let cpuPercent: Double?
    package let memPercent: Double?
    package let diskPercent: Double?
    package let guestTotal: Int
    package let guestRunning: Int
    package let cloudflaredStatus: String?
}
