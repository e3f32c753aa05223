import GRDB
import Kernel

/// A customer's Proxmox host as the hub knows it, without key material.
package struct Host: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    package static let databaseTableName = "hosts"
    /// The key's hash stays in the table, and so do the operator's documents (desired
    /// state, DR record), which can be large and are read by their own owners.
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key_hash", "desired_json", "dr_record_json"])] }

    package let hostID: String
    package let customerID: String
    package let label: String
    package let agentVersion: String?
    package let lastReportAt: Timestamp?
    package let desiredGeneration: Int64
    /// When an operator revoked the host: its key no longer works and nobody watches for
    /// its silence; its history stays.
    package let revokedAt: Timestamp?
    package let createdAt: Timestamp
    package let updatedAt: Timestamp
}
