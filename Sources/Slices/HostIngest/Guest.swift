import GRDB
import Kernel

/// A guest (LXC or VM) on a host, as its host last reported it.
package struct Guest: Sendable, Equatable, Encodable, SnakeCaseRecord, TableRecord {
    package static let databaseTableName = "guests"
    /// The guest's key and the operator's spec for it stay in the table.
    package static var databaseSelection: [any SQLSelectable] { [.allColumns(excluding: ["api_key", "desired_spec_json"])] }

    package let guestID: String
    package let hostID: String
    package let vmid: Int
    package let displayName: String?
    package let status: String?
    package let controllerVersion: String?
    package let lastSeenAt: Timestamp?

    /// `<host_id>/<vmid>`: derived by the hub, never sent by agents.
    package static func id(hostID: String, vmid: Int) -> String {
        "\(hostID)/\(vmid)"
    }

    /// The host part of a guest id (host ids never hold a `/`).
    package static func hostID(ofGuestID guestID: String) -> String {
        guestID.lastIndex(of: "/").map { String(guestID[..<$0]) } ?? guestID
    }
}
