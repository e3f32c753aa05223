import GRDB
import Kernel

/// The hosts table of the dashboard: one page of hosts, filtered by customer and state
/// and sorted by when each was last seen, each with its latest report's figures.
///
/// Everything is done in SQL, so a page of a fleet of 100,000 hosts costs about what a
/// page of a hundred does: the page's hosts are found first, in the order of an index,
/// and only those 50 are then joined to their state and latest report.
struct HostListing: Sendable, Equatable {
    /// Newest first (the default) or oldest first; a host that never reported counts as
    /// seen before all others.
    enum Order: String, Sendable {
        case newest, oldest

        static func parse(_ text: String?) throws -> Order {
            guard let text else { return .newest }
            guard let order = Order(rawValue: text) else { throw HubError.badRequest("invalid_query", "sort must be newest or oldest") }
            return order
        }
    }

    /// One host as a row of the table shows it.
    struct Line: Sendable, Equatable, SnakeCaseRecord {
        let hostID: String
        let customerID: String
        let label: String
        let state: String
        let lastReportAt: Timestamp?
        let agentVersion: String?
        let cpuPercent: Double?
        let memPercent: Double?
        let diskPercent: Double?
        let guestTotal: Int?
        let guestRunning: Int?
    }

    let customerID: String?
    let state: HostState?
    let order: Order

    /// How many hosts match: the pager's total.
    func count(in db: any DatabaseSession) throws -> Int {
        guard let state else {
            if let customerID {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hosts WHERE customer_id = ?", arguments: [customerID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hosts") ?? 0
        }
        return try HostStateCounts.read(customerID: customerID, in: db)[state]
    }

    /// The hosts of page `offset / limit`.
    func lines(limit: Int, offset: Int, in db: any DatabaseSession) throws -> [Line] {
        var conditions: [String] = []
        var arguments: SQLArguments = [HostState.checker]
        if let customerID {
            conditions.append("h.customer_id = ?")
            arguments += [customerID]
        }
        if let state { conditions.append(state.condition) }
        arguments += [limit, offset, HostState.checker]
        return try Line.fetchAll(db, sql: """
            SELECT h.host_id, h.customer_id, h.label, \(HostState.sqlExpression) AS state, h.last_report_at, h.agent_version,
                r.cpu_percent, r.mem_percent, r.disk_percent, r.guest_total, r.guest_running
            FROM (
                SELECT \(db.dialect.rowKey("h", primaryKey: "host_id")) AS position FROM hosts AS h \(HostState.subjectStateJoin)
                WHERE \(conditions.isEmpty ? "true" : conditions.joined(separator: " AND "))
                ORDER BY \(orderTerms(usingIndex: walksFleet, db.dialect))
                LIMIT ? OFFSET ?
            ) AS page
            JOIN hosts AS h ON \(db.dialect.rowKey("h", primaryKey: "host_id")) = page.position
            \(HostState.subjectStateJoin)
            LEFT JOIN host_reports AS r ON r.id = (SELECT MAX(id) FROM host_reports WHERE host_id = h.host_id)
            ORDER BY \(orderTerms(usingIndex: true, db.dialect))
            """, arguments: arguments)
    }

    /// Whether the page is best found by walking the whole fleet in last-seen order: not
    /// when a customer's hosts or a rare state's are asked for, which their own indexes
    /// find at once and are few enough to sort.
    private var walksFleet: Bool {
        customerID == nil && !(state?.isRare ?? false)
    }

    /// The sort, with the host's row key breaking ties so pages never overlap. On SQLite
    /// the index on `last_report_at` holds each row's number, so it serves both terms;
    /// when the hosts come from another index, a `+` tells SQLite not to walk the
    /// last-seen index instead (it would read the whole fleet to fill a page).
    /// PostgreSQL's planner weighs that itself.
    private func orderTerms(usingIndex: Bool, _ dialect: SQLDialect) -> String {
        let direction = order == .newest ? "DESC" : "ASC"
        let hint = usingIndex || dialect == .postgres ? "" : "+"
        // Hosts never seen come last among the newest and first among the oldest, as
        // SQLite sorts NULL; PostgreSQL sorts it the other way unless told.
        let nulls = dialect == .postgres ? (order == .newest ? " NULLS LAST" : " NULLS FIRST") : ""
        return "\(hint)h.last_report_at \(direction)\(nulls), \(dialect.rowKey("h", primaryKey: "host_id")) \(direction)"
    }
}
