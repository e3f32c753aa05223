import GRDB

/// A guest (LXC or VM) on a host, as its host last reported it.
public struct Guest: Sendable, Equatable, Codable {
    public let guestID: String
    public let hostID: String
    public let vmid: Int
    public let displayName: String?
    public let status: String?
    public let controllerVersion: String?
    public let lastSeenAt: String?

    enum CodingKeys: String, CodingKey {
        case guestID = "guest_id"
        case hostID = "host_id"
        case vmid
        case displayName = "display_name"
        case status
        case controllerVersion = "controller_version"
        case lastSeenAt = "last_seen_at"
    }

    static let columns = "guest_id, host_id, vmid, display_name, status, controller_version, last_seen_at"

    init(row: Row) {
        guestID = row["guest_id"]
        hostID = row["host_id"]
        vmid = row["vmid"]
        displayName = row["display_name"]
        status = row["status"]
        controllerVersion = row["controller_version"]
        lastSeenAt = row["last_seen_at"]
    }

    /// `<host_id>/<vmid>`: derived by the hub, never sent by agents.
    public static func id(hostID: String, vmid: Int) -> String {
        "\(hostID)/\(vmid)"
    }
}
