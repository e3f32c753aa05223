import GRDB
import Kernel

/// How many hosts are in each ``HostState``: the overview's panel and the hosts table's
/// pager read them.
struct HostStateCounts: Sendable, Equatable {
    private var counts: [HostState: Int] = [:]

    subscript(state: HostState) -> Int {
        counts[state] ?? 0
    }

    var total: Int { counts.values.reduce(0, +) }

    /// The counts over the whole fleet, or over one customer's hosts.
    static func read(customerID: String?, in db: any DatabaseSession) throws -> HostStateCounts {
        try customerID.map { try readCustomer($0, in: db) } ?? readFleet(in: db)
    }

    /// One customer's hosts are few: each one's state is worked out and grouped.
    private static func readCustomer(_ customerID: String, in db: any DatabaseSession) throws -> HostStateCounts {
        var result = HostStateCounts()
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(HostState.sqlExpression) AS state, COUNT(*) AS hosts
            FROM hosts AS h \(HostState.subjectStateJoin)
            WHERE h.customer_id = ?
            GROUP BY 1
            """, arguments: [HostState.checker, customerID])
        for row in rows {
            if let state = HostState(rawValue: row["state"]) { result.counts[state] = row["hosts"] }
        }
        return result
    }

    /// The whole fleet is counted in parts that each read an index, rather than by
    /// working out 100,000 hosts' states one by one (four times slower); `ok` is what is
    /// left. Only the revoked count reads the table itself, for the mark no index holds.
    private static func readFleet(in db: any DatabaseSession) throws -> HostStateCounts {
        var result = HostStateCounts()
        guard let totals = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM hosts) AS hosts,
                (SELECT COUNT(*) FROM hosts WHERE revoked_at IS NOT NULL) AS revoked,
                (SELECT COUNT(*) FROM hosts WHERE last_report_at IS NULL AND revoked_at IS NULL) AS never
            """) else { return result }
        result.counts[.revoked] = totals["revoked"]
        result.counts[.never] = totals["never"]
        // The switch records only `ok`, `stale` and `down`; a revoked host keeps the state
        // it was last recorded in, but counts as revoked.
        let recorded = try Row.fetchAll(db, sql: """
            SELECT s.state AS state, COUNT(*) AS hosts
            FROM \(SubjectStates.table) AS s JOIN hosts AS h ON h.host_id = s.subject
            WHERE s.checker = ? AND s.state IN ('stale', 'down') AND h.revoked_at IS NULL AND h.last_report_at IS NOT NULL
            GROUP BY s.state
            """, arguments: [HostState.checker])
        for row in recorded {
            if let state = HostState(rawValue: row["state"]) { result.counts[state] = row["hosts"] }
        }
        let all: Int = totals["hosts"]
        result.counts[.ok] = all - result.total
        return result
    }
}
