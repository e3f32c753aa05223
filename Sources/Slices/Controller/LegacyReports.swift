import GRDB
import Kernel

/// The controller's `reports` table, as it exports it to the slice that retires it (the
/// cutover moves every row into `guest_reports` and drops the table). Other slices read
/// and drop the table only through this.
package enum LegacyReports {
    package static let table = "reports"

    /// The columns every row has, in the order ``rows(after:limit:in:)`` reads them.
    package static let columns = [
        "id", "customer_id", "reported_at", "received_at", "controller_version", "hostname", "disk_percent", "last_backup_at", "raw_json",
    ]

    /// Whether the table is there: a database cut over has none.
    package static func exists(in db: any DatabaseSession) throws -> Bool {
        try db.tableExists(table)
    }

    package static func count(in db: any DatabaseSession) throws -> Int {
        try exists(in: db) ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reports") ?? 0 : 0
    }

    /// Rows counted by customer: what a plan needs to say how many will map.
    package static func countsByCustomer(in db: any DatabaseSession) throws -> [String: Int] {
        guard try exists(in: db) else { return [:] }
        let rows = try Row.fetchAll(db, sql: "SELECT customer_id, COUNT(*) AS reports FROM reports GROUP BY customer_id")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["customer_id"], $0["reports"]) })
    }

    /// A query over every row in ``columns`` order, by id: `SELECT … FROM reports`, for a
    /// slice that copies them with `INSERT … SELECT` (filter with `WHERE id > ?`).
    package static var selectSQL: String {
        "SELECT \(columns.joined(separator: ", ")) FROM reports"
    }

    /// Drops the table with its indexes. Destructive: only inside a migration that has
    /// copied and verified every row first.
    package static func drop(in db: any DatabaseSession) throws {
        try db.execute(sql: "DROP TABLE reports")
    }
}
