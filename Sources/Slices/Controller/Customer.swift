import GRDB
import Kernel

/// A customer as stored in `customer_configs`, without key material.
package struct Customer: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    package enum Status: String, Sendable, Codable, DatabaseValueConvertible {
        case active, blocked
    }

    package static let databaseTableName = "customer_configs"
    /// The key's hash and the webhook secret stay in the table.
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key_hash", "webhook_secret"])] }

    package let customerID: String
    package let name: String
    package let status: Status
    package let paidUntil: Timestamp?
    package let webhookURL: String?
    package let lastReportAt: Timestamp?
    package let createdAt: Timestamp
    package let updatedAt: Timestamp
}
