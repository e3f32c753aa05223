import GRDB

/// A customer's Proxmox host as the hub knows it, without key material.
public struct Host: Sendable, Equatable, Codable {
    public let hostID: String
    public let customerID: String
    public let label: String
    public let agentVersion: String?
    public let lastReportAt: String?
    public let desiredGeneration: Int64
    public let createdAt: String
    public let updatedAt: String

    enum CodingKeys: String, CodingKey {
        case hostID = "host_id"
        case customerID = "customer_id"
        case label
        case agentVersion = "agent_version"
        case lastReportAt = "last_report_at"
        case desiredGeneration = "desired_generation"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    static let columns = "host_id, customer_id, label, agent_version, last_report_at, desired_generation, created_at, updated_at"

    init(row: Row) {
        hostID = row["host_id"]
        customerID = row["customer_id"]
        label = row["label"]
        agentVersion = row["agent_version"]
        lastReportAt = row["last_report_at"]
        desiredGeneration = row["desired_generation"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}
