import Foundation
import GRDB

/// A checker that notices subjects that stopped reporting: `ok` → `<prefix>_stale`
/// once silent for ``staleAfter`` seconds (the boundary included), → `<prefix>_down`
/// once silent for ``downAfter``, back to `ok` with `<prefix>_recovered` once they
/// report again.
///
/// The slice says where its subjects are with ``subjectsSQL``: a query over its own
/// tables yielding `subject`, `customer_id` and `last_seen_at` (a stored ``Timestamp``);
/// subjects that never reported (`NULL`) are skipped. Only subjects whose state changes
/// are read back, so a tick over a large fleet costs one indexed scan.
public struct DeadMansSwitch: Checker {
    public let name: String
    public let eventPrefix: String
    public let subjectsSQL: String
    public let staleAfter: TimeInterval
    public let downAfter: TimeInterval
    let database: HubDatabase
    let events: EventLog

    public init(
        name: String, eventPrefix: String, subjectsSQL: String,
        staleAfter: TimeInterval, downAfter: TimeInterval, database: HubDatabase, events: EventLog
    ) {
        self.name = name
        self.eventPrefix = eventPrefix
        self.subjectsSQL = subjectsSQL
        self.staleAfter = staleAfter
        self.downAfter = downAfter
        self.database = database
        self.events = events
    }

    /// The event types this checker emits, to register with the slice.
    public static func eventTypes(prefix: String) -> [String] {
        ["\(prefix)_stale", "\(prefix)_down", "\(prefix)_recovered"]
    }

    public func check(now: Date) async throws {
        let staleBefore = Timestamp.format(now.addingTimeInterval(-staleAfter))
        let downBefore = Timestamp.format(now.addingTimeInterval(-downAfter))
        let nowText = Timestamp.format(now)
        try await database.pool.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT subject, customer_id, last_seen_at, computed FROM (
                    SELECT s.subject AS subject, s.customer_id AS customer_id, s.last_seen_at AS last_seen_at,
                        CASE WHEN s.last_seen_at <= ? THEN 'down' WHEN s.last_seen_at <= ? THEN 'stale' ELSE 'ok' END AS computed,
                        COALESCE(k.state, 'ok') AS recorded
                    FROM (\(subjectsSQL)) AS s
                    LEFT JOIN kernel_subject_states AS k ON k.checker = ? AND k.subject = s.subject
                    WHERE s.last_seen_at IS NOT NULL
                ) WHERE computed <> recorded
                """, arguments: [downBefore, staleBefore, name])
            for row in rows {
                let subject: String = row["subject"]
                let customerID: String = row["customer_id"]
                let state: String = row["computed"]
                guard try SubjectStates.move(checker: name, subject: subject, customerID: customerID, to: state, now: nowText, in: db) != nil else { continue }
                let type = state == "ok" ? "\(eventPrefix)_recovered" : "\(eventPrefix)_\(state)"
                try events.record(
                    EventDraft(customerID: customerID, type: type, subject: subject, payload: ["last_seen_at": .string(row["last_seen_at"])]),
                    in: db
                )
            }
        }
    }
}
