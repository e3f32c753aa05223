import GRDB
import Kernel

/// A guest (LXC or VM) on a host, as its host last reported it.
public struct Guest: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    public static let databaseTableName = "guests"
    /// The guest's key and the operator's spec for it stay in the table.
    public static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key", "desired_spec_json"])] }

    public let guestID: String
    public let hostID: String
    public let vmid: Int
    public let displayName: String?
    public let status: String?
    public let controllerVersion: String?
    public let lastSeenAt: Timestamp?

    /// `<host_id>/<vmid>`: derived by the hub, never sent by agents.
    public static func id(hostID: String, vmid: Int) -> String {
        "\(hostID)/\(vmid)"
    }
}
