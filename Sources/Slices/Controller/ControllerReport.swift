import Foundation
import Kernel

/// A controller's report (agent protocol §3), validated as it is decoded; each broken
/// rule names its field.
package struct ControllerReport: Decodable, Sendable {
    package let customerID: String?
    package let reportedAt: Timestamp
    package let controllerVersion: String
    package let hostname: String?
    package let diskPercent: Double?
    package let lastBackupAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id"
        case reportedAt = "reported_at"
        case controllerVersion = "controller_version"
        case hostname
        case diskPercent = "disk_percent"
        case services
        case lastBackupAt = "last_backup_at"
    }

    struct Service: Decodable {
        let name: String
        let status: String
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        customerID = try container.decodeIfPresent(String.self, forKey: .customerID)
        reportedAt = Timestamp(try FieldRules.timestamp(container, .reportedAt, name: "reported_at"))
        controllerVersion = try container.decode(String.self, forKey: .controllerVersion)
        guard !controllerVersion.isEmpty else { throw ValidationFailure("controller_version: must not be empty") }
        hostname = try container.decodeIfPresent(String.self, forKey: .hostname)
        diskPercent = try container.decodeIfPresent(Double.self, forKey: .diskPercent)
        if let diskPercent, !(0...100).contains(diskPercent) { throw ValidationFailure("disk_percent: must be between 0 and 100") }
        _ = try container.decodeIfPresent([Service].self, forKey: .services)
        lastBackupAt = try container.decodeIfPresent(String.self, forKey: .lastBackupAt).map { text in
            guard let timestamp = Timestamp(rfc3339: text) else { throw ValidationFailure("last_backup_at: must be an RFC 3339 timestamp") }
            return timestamp
        }
    }
}
