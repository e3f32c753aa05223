import GRDB
import Kernel

/// The newest events about one host and its guests (`host_stale`, `host_revoked`, a
/// controller guest's `guest_down`, …), for the host's page.
///
/// Read here rather than through the event log's timeline, which filters by customer
/// and type only: an event's subject is the host's id, or `<host_id>/<vmid>` for one of
/// its guests. The events of the host's customer are walked newest first by the
/// `(customer_id, id)` index until enough are found.
enum HostEvents {
    static func newest(hostID: String, customerID: String, limit: Int, in db: any DatabaseSession) throws -> [Event] {
        let guestPrefix = hostID + "/"
        return try Event.fetchAll(db, sql: """
            SELECT \(Event.columnsSQL) FROM kernel_events WHERE customer_id = ? AND (subject = ? OR substr(subject, 1, ?) = ?)
            ORDER BY id DESC LIMIT ?
            """, arguments: [customerID, hostID, guestPrefix.unicodeScalars.count, guestPrefix, limit])
    }
}
