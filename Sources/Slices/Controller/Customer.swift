import GRDB
import Kernel

/// A customer as stored in `customer_configs`, without key material.
public struct Customer: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    public enum Status: String, Sendable, Codable, DatabaseValueConvertible {
        case active, blocked
    }

    public static let databaseTableName = "customer_configs"
    /// The key's hash and the webhook secret stay in the table.
    public static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key_hash", "webhook_secret"])] }

    public let customerID: String
    public let name: String
    public let status: Status
    public let paidUntil: Timestamp?
    public let webhookURL: String?
    public let lastReportAt: Timestamp?
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
}
