import GRDB

/// A customer as stored in `customer_configs`, without key material.
public struct Customer: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case active, blocked
    }

    public let customerID: String
    public let name: String
    public let status: Status
    public let paidUntil: String?
    public let webhookURL: String?
    public let lastReportAt: String?
    public let createdAt: String
    public let updatedAt: String

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id"
        case name, status
        case paidUntil = "paid_until"
        case webhookURL = "webhook_url"
        case lastReportAt = "last_report_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    static let columns = "customer_id, name, status, paid_until, webhook_url, last_report_at, created_at, updated_at"

    init(row: Row) {
        customerID = row["customer_id"]
        name = row["name"]
        status = Status(rawValue: row["status"]) ?? .active
        paidUntil = row["paid_until"]
        webhookURL = row["webhook_url"]
        lastReportAt = row["last_report_at"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}
