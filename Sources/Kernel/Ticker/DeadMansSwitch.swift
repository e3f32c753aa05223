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
package struct DeadMansSwitch: Checker {
    package let name: String
    package let eventPrefix: String
    package let subjectsSQL: String
    package let staleAfter: TimeInterval
    package let downAfter: TimeInterval
    let database: HubDatabase
    let events: EventLog

    package init(
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
    package static func eventTypes(prefix: String) -> [String] {
        ["\(prefix)_stale", "\(prefix)_down", "\(prefix)_recovered"]
    }

    package func check(now: Date) async throws {
        let staleBefore = Timestamp.format(now.addingTimeInterval(-staleAfter))
        let downBefore = Timestamp.format(now.addingTimeInterval(-downAfter))
        // Candidates are found on a reader, so the writer stays free for ingest: silent
        // subjects (an index range on last_seen_at) whose recorded state lags, and
        // subjects recorded stale or down that have reported since.
        let candidates = try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.subject AS subject FROM (\(subjectsSQL)) AS s
                LEFT JOIN kernel_subject_states AS k ON k.checker = ? AND k.subject = s.subject
                WHERE s.last_seen_at <= ?
                    AND COALESCE(k.state, 'ok') <> CASE WHEN s.last_seen_at <= ? THEN 'down' ELSE 'stale' END
                UNION ALL
                SELECT k.subject AS subject FROM kernel_subject_states AS k
                JOIN (\(subjectsSQL)) AS s ON s.subject = k.subject
                WHERE k.checker = ? AND k.state <> 'ok' AND s.last_seen_at > ?
                """, arguments: [name, staleBefore, downBefore, name, staleBefore]).map { $0["subject"] as String }
        }
        guard !candidates.isEmpty else { return }
        let nowText = Timestamp.format(now)
        // Bounded transactions: after an outage thousands of subjects move at once, and
        // one transaction for all of them would hold the writer that ingest waits for (a
        // chunk takes about 7 ms, and each waits its turn behind the ingest batches).
        // They do not wait for the disk: a move lost to a power cut is made again by the
        // next tick, and a flush per chunk would cost more than the moves.
        for start in stride(from: 0, to: candidates.count, by: Self.transitionsPerTransaction) {
            let chunk = Array(candidates[start..<min(start + Self.transitionsPerTransaction, candidates.count)])
            try await database.writeRedoable { db in
                try move(chunk, staleBefore: staleBefore, downBefore: downBefore, now: nowText, in: db)
            }
        }
    }

    static let transitionsPerTransaction = 500

    // Hand-written bulk statements: thousands of subjects per chunk after an outage; records would map each row.
    private func move(_ subjects: [String], staleBefore: String, downBefore: String, now: String, in db: any DatabaseSession) throws {
        // Read again inside the write, the whole chunk in one statement: a report may have
        // landed since the scan. Read to the end before writing: a statement still reading
        // the states table would have to find its place again after every write to it.
        let current = try Row.fetchAll(db, sql: """
            SELECT s.subject AS subject, s.customer_id AS customer_id, s.last_seen_at AS last_seen_at,
                COALESCE(k.state, 'ok') AS recorded
            FROM (\(subjectsSQL)) AS s
            LEFT JOIN kernel_subject_states AS k ON k.checker = ? AND k.subject = s.subject
            WHERE s.subject IN (\(db.dialect.jsonArrayValues)) AND s.last_seen_at IS NOT NULL
            """, arguments: [name, try WireJSON.encodeString(JSONValue.array(subjects.map(JSONValue.string)))])
        var moves: [SubjectMove] = []
        var drafts: [EventDraft] = []
        for row in current {
            let lastSeen: String = row["last_seen_at"]
            let state = lastSeen <= downBefore ? "down" : lastSeen <= staleBefore ? "stale" : "ok"
            guard state != row["recorded"] as String else { continue }
            let move = SubjectMove(subject: row["subject"], customerID: row["customer_id"], state: state)
            moves.append(move)
            drafts.append(EventDraft(
                customerID: move.customerID, type: state == "ok" ? "\(eventPrefix)_recovered" : "\(eventPrefix)_\(state)",
                subject: move.subject, payload: ["last_seen_at": .string(lastSeen)]
            ))
        }
        try SubjectStates.record(checker: name, moves, now: now, in: db)
        try events.record(drafts, in: db)
    }
}
