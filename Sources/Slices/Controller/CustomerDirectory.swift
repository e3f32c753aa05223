import GRDB
import Kernel

/// What the controller slice exports about customers to other slices: whether one
/// exists and its status. Other slices read customers only through this; the kernel
/// asks it whether a flag's cohort names real customers.
public struct CustomerDirectory: CohortMembers {
    public init() {}

    public func customer(_ customerID: String, in db: Database) throws -> Customer? {
        try Row.fetchOne(db, sql: "SELECT \(Customer.columns) FROM customer_configs WHERE customer_id = ?", arguments: [customerID])
            .map(Customer.init(row:))
    }

    public func isBlocked(_ customerID: String, in db: Database) throws -> Bool {
        try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM customer_configs WHERE customer_id = ?"), arguments: [customerID])
            == Customer.Status.blocked.rawValue
    }

    public func unknown(_ customerIDs: [String], in db: Database) throws -> [String] {
        let placeholders = databaseQuestionMarks(count: customerIDs.count)
        let known = try String.fetchSet(
            db, sql: "SELECT customer_id FROM customer_configs WHERE customer_id IN (\(placeholders))",
            arguments: StatementArguments(customerIDs)
        )
        return customerIDs.filter { !known.contains($0) }
    }
}
