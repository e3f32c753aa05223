import GRDB

/// The last state a checker saw each subject in (`ok`, `stale`, `down`, …), kept in the
/// database so that a transition is reported once, even across restarts.
///
/// Checkers find their candidates by joining their own tables with ``table``, and move
/// a subject with ``move(checker:subject:customerID:to:now:in:)`` in the same
/// transaction as the event that reports the move.
package enum SubjectStates {
    package static let table = "kernel_subject_states"

    /// The recorded state, or `nil` for a subject never moved (which counts as `ok`).
    package static func state(checker: String, subject: String, in db: any DatabaseSession) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT state FROM kernel_subject_states WHERE checker = ? AND subject = ?", arguments: [checker, subject]
        )
    }

    /// Records `state`; answers the previous state, or `nil` when it was already `state`
    /// (so the caller emits nothing).
    package static func move(checker: String, subject: String, customerID: String, to state: String, now: String, in db: any DatabaseSession) throws -> String? {
        let previous = try self.state(checker: checker, subject: subject, in: db) ?? "ok"
        guard previous != state else { return nil }
        try record(checker: checker, subject: subject, customerID: customerID, state: state, now: now, in: db)
        return previous
    }

    /// Records `state` for a caller that has read the previous state itself.
    package static func record(checker: String, subject: String, customerID: String, state: String, now: String, in db: any DatabaseSession) throws {
        try record(checker: checker, [SubjectMove(subject: subject, customerID: customerID, state: state)], now: now, in: db)
    }

    /// Records every move with one statement: after an outage a checker moves thousands
    /// of subjects at once.
    package static func record(checker: String, _ moves: [SubjectMove], now: String, in db: any DatabaseSession) throws {
        guard !moves.isEmpty else { return }
        let rows = JSONValue.array(moves.map { .array([.string($0.subject), .string($0.customerID), .string($0.state)]) })
        try db.execute(sql: recordSQL(db.dialect), arguments: [checker, now, try WireJSON.encodeString(rows)])
    }
}

extension SubjectStates {
    /// `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
    private static func recordSQL(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO kernel_subject_states (checker, subject, customer_id, state, changed_at)
        SELECT ?, \(dialect.jsonElement(0)), \(dialect.jsonElement(1)), \(dialect.jsonElement(2)), ?
        FROM \(dialect.jsonArrayRows) WHERE true
        ON CONFLICT(checker, subject) DO UPDATE SET state = excluded.state, customer_id = excluded.customer_id,
            changed_at = excluded.changed_at
        """
    }
}

/// A subject's new state, as a checker records it.
package struct SubjectMove: Sendable, Equatable {
    package let subject: String
    package let customerID: String
    package let state: String

    package init(subject: String, customerID: String, state: String) {
        self.subject = subject
        self.customerID = customerID
        self.state = state
    }
}
