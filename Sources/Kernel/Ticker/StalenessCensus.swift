import Foundation
import GRDB

/// How many subjects of a dead-man's switch are in each state right now: `ok`,
/// `stale`, `down`, or `never` (never reported). Computed from the last-seen times with
/// the same thresholds as ``DeadMansSwitch``, so it says what the next tick would
/// decide; for the `/metrics` gauges and `hub status`.
package struct StalenessCensus: Sendable, Equatable, Codable {
    package var ok = 0
    package var stale = 0
    package var down = 0
    package var never = 0

    package init(ok: Int = 0, stale: Int = 0, down: Int = 0, never: Int = 0) {
        self.ok = ok
        self.stale = stale
        self.down = down
        self.never = never
    }

    package var total: Int { ok + stale + down + never }

    /// The states in a fixed order, for gauges and tables.
    package var byState: [(state: String, count: Int)] {
        [("ok", ok), ("stale", stale), ("down", down), ("never", never)]
    }

    /// Counts the subjects `subjectsSQL` yields (`subject`, `customer_id`,
    /// `last_seen_at`, as for ``DeadMansSwitch``).
    package static func count(
        subjectsSQL: String, staleAfter: TimeInterval, downAfter: TimeInterval, now: Date, in db: any DatabaseSession
    ) throws -> StalenessCensus {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(stateSQL(lastSeen: "s.last_seen_at")) AS state, COUNT(*) AS subjects
            FROM (\(subjectsSQL)) AS s
            GROUP BY 1
            """, arguments: SQLArguments(stateArguments(staleAfter: staleAfter, downAfter: downAfter, now: now)))
        var census = StalenessCensus()
        for row in rows {
            let subjects: Int = row["subjects"]
            switch row["state"] as String {
            case "never": census.never = subjects
            case "down": census.down = subjects
            case "stale": census.stale = subjects
            default: census.ok = subjects
            }
        }
        return census
    }

    /// A SQL expression yielding the state of a subject last seen at `column` (`ok`,
    /// `stale`, `down`, `never`), for queries that filter or list by it and must agree
    /// with the counts; bind ``stateArguments(staleAfter:downAfter:now:)`` to its
    /// placeholders, in that order.
    package static func stateSQL(lastSeen column: String) -> String {
        """
        CASE WHEN \(column) IS NULL THEN 'never'
            WHEN \(column) <= ? THEN 'down'
            WHEN \(column) <= ? THEN 'stale'
            ELSE 'ok' END
        """
    }

    /// The boundaries of ``stateSQL(lastSeen:)``: silent since the down threshold, since
    /// the stale one (the boundary itself included, as the dead-man's switch counts it).
    package static func stateArguments(staleAfter: TimeInterval, downAfter: TimeInterval, now: Date) -> [String] {
        [Timestamp.format(now.addingTimeInterval(-downAfter)), Timestamp.format(now.addingTimeInterval(-staleAfter))]
    }

    /// Records the census as `gauge` with a `state` label.
    package func record(as gauge: MetricDefinition, into metrics: HubMetrics) {
        for (state, count) in byState {
            metrics.gauge(gauge, [("state", state)]).record(count)
        }
    }

    /// `120: 117 ok, 2 stale, 1 down, 0 never`, for a terminal.
    package var summaryLine: String {
        "\(total): " + byState.map { "\($0.count) \($0.state)" }.joined(separator: ", ")
    }
}
