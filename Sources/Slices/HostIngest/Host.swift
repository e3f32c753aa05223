import GRDB
import Kernel

/// A customer's Proxmox host as the hub knows it, without key material.
public struct Host: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "hosts"
    /// The key's hash stays in the table, and so do the operator's documents (desired
    /// state, DR record), which can be large and are read by their own owners.
    public static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key_hash", "desired_json", "dr_record_json"])] }

    public let hostID: String
    public let customerID: String
    public let label: String
    public let agentVersion: String?
    public let lastReportAt: Timestamp?
    public let desiredGeneration: Int64
    public let createdAt: Timestamp
    public let updatedAt: Timestamp
}
