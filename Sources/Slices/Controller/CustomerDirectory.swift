import GRDB
import Kernel

/// What the controller slice exports about customers to other slices: whether one
/// exists and its status. Other slices read customers only through this; the kernel
/// asks it whether a flag's cohort names real customers.
package struct CustomerDirectory: CohortMembers {
    package init() {}

    package func customer(_ customerID: String, in db: any DatabaseSession) throws -> Customer? {
        try Customer.fetchOne(db, sql: "SELECT * FROM customer_configs WHERE customer_id = ?", arguments: [customerID])
    }

    /// The customer's status; `nil` for no such customer. Asked inside every report's
    /// write: a prepared statement of one column.
    package func status(of customerID: String, in db: any DatabaseSession) throws -> Customer.Status? {
        try Customer.Status.fetchOne(db, sql: "SELECT status FROM customer_configs WHERE customer_id = ?", arguments: [customerID])
    }

    package func isBlocked(_ customerID: String, in db: any DatabaseSession) throws -> Bool {
        try status(of: customerID, in: db) == .blocked
    }

    package func unknown(_ customerIDs: [String], in db: any DatabaseSession) throws -> [String] {
        let known = try Set(String.fetchAll(
            db, sql: "SELECT customer_id FROM customer_configs WHERE customer_id IN (\(db.dialect.jsonArrayValues))",
            arguments: [try WireJSON.encodeString(JSONValue.array(customerIDs.map(JSONValue.string)))]
        ))
        return customerIDs.filter { !known.contains($0) }
    }

    /// Records that the customer's controller has just reported (`last_report_at`, which
    /// `GET /api/v1/admin/customers/{customer_id}` shows and the controllers' census
    /// counts), whichever path it reported on.
    package func markReported(_ customerID: String, at receivedAt: Timestamp, in db: any DatabaseSession) throws {
        try db.execute(sql: "UPDATE customer_configs SET last_report_at = ? WHERE customer_id = ?", arguments: [receivedAt, customerID])
    }
}
