import Foundation
import GRDB
import Kernel

/// Watches `paid_until`: `deadline_warning` seven days before it, `deadline_passed`
/// once it is reached; with `auto_block_on_deadline` on for the customer, passing it
/// also blocks an active customer (`customer_blocked`). A `paid_until` moved later
/// puts the customer back to `ok` silently.
struct DeadlineChecker: Checker {
    let name = "deadline"
    static let warningLead: TimeInterval = 7 * 86_400
    let database: HubDatabase
    let events: EventLog
    let flags: FlagBook

    /// A customer whose deadline state may have moved.
    struct Candidate: Sendable, SnakeCaseRecord {
        let customerID: String
        let paidUntil: Timestamp?
        let recorded: String
    }

    func check(now: Date) async throws {
        let candidates = try await database.read { db in
            try Candidate.fetchAll(db, sql: """
                SELECT c.customer_id, c.paid_until, COALESCE(k.state, 'ok') AS recorded
                FROM customer_configs AS c
                LEFT JOIN kernel_subject_states AS k ON k.checker = ? AND k.subject = c.customer_id
                WHERE c.paid_until IS NOT NULL OR k.state IS NOT NULL
                """, arguments: [name])
        }
        let now = Timestamp(now)
        for candidate in candidates {
            let customerID = candidate.customerID
            let state = Self.state(paidUntil: candidate.paidUntil, now: now)
            guard state != candidate.recorded else { continue }
            let autoBlock = try await flags.isEnabled(ControllerVocabulary.autoBlockOnDeadline, for: customerID)
            try await database.write { db in
                guard try SubjectStates.move(checker: name, subject: customerID, customerID: customerID, to: state, now: now.text, in: db) != nil else { return }
                let payload: [String: JSONValue] = ["paid_until": candidate.paidUntil.map { .string($0.text) } ?? .null]
                switch state {
                case "warning":
                    try events.record(EventDraft(customerID: customerID, type: ControllerVocabulary.deadlineWarning, subject: customerID, payload: payload), in: db)
                case "passed":
                    try events.record(EventDraft(customerID: customerID, type: ControllerVocabulary.deadlinePassed, subject: customerID, payload: payload), in: db)
                    if autoBlock, try !CustomerDirectory().isBlocked(customerID, in: db) {
                        try db.execute(
                            sql: "UPDATE customer_configs SET status = 'blocked', updated_at = ? WHERE customer_id = ?",
                            arguments: [now, customerID]
                        )
                        try events.record(EventDraft(customerID: customerID, type: ControllerVocabulary.customerBlocked, subject: customerID, payload: payload), in: db)
                    }
                default:
                    break
                }
            }
        }
    }

    static func state(paidUntil: Timestamp?, now: Timestamp) -> String {
        guard let paidUntil else { return "ok" }
        if now >= paidUntil { return "passed" }
        if now >= paidUntil.addingTimeInterval(-warningLead) { return "warning" }
        return "ok"
    }
}
