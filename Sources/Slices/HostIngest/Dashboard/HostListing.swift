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
    func count(in db: Database) throws -> Int {
        guard let state else {
            if let customerID {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hosts WHERE customer_id = ?", arguments: [customerID]) ?? 0
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hosts") ?? 0
        }
        return try HostStateCounts.read(customerID: customerID, in: db)[state]
    }

    /// The hosts of page `offset / limit`.
    func lines(limit: Int, offset: Int, in db: Database) throws -> [Line] {
        var conditions: [String] = []
        var arguments: StatementArguments = [HostState.checker]
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
                SELECT h.rowid AS position FROM hosts AS h \(HostState.subjectStateJoin)
                WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
                ORDER BY \(orderTerms(usingIndex: walksFleet))
                LIMIT ? OFFSET ?
            ) AS page
            JOIN hosts AS h ON h.rowid = page.position
            \(HostState.subjectStateJoin)
            LEFT JOIN host_reports AS r ON r.id = (SELECT MAX(id) FROM host_reports WHERE host_id = h.host_id)
            ORDER BY \(orderTerms(usingIndex: true))
            """, arguments: arguments)
    }

    /// Whether the page is best found by walking the whole fleet in last-seen order: not
    /// when a customer's hosts or a rare state's are asked for, which their own indexes
    /// find at once and are few enough to sort.
    private var walksFleet: Bool {
        customerID == nil && !(state?.isRare ?? false)
    }

    /// The sort, with the host's row number breaking ties so pages never overlap. The
    /// index on `last_report_at` holds each row's number, so it serves both terms. When
    /// the hosts come from another index, a `+` tells SQLite not to walk the last-seen
    /// index instead (it would read the whole fleet to fill a page).
    private func orderTerms(usingIndex: Bool) -> String {
        let direction = order == .newest ? "DESC" : "ASC"
        return "\(usingIndex ? "" : "+")h.last_report_at \(direction), h.rowid \(direction)"
    }
}
