import Foundation
import GRDB
import Synchronization

/// Records events of the registered types and lists them.
///
/// Recording happens inside the caller's transaction, so an event and the state change
/// it reports commit together or not at all. Listeners (such as a delivery outbox) run
/// in that same transaction.
package final class EventLog: Sendable {
    package let registeredTypes: Set<String>
    private let clock: any HubClock
    private let database: HubDatabase
    private let listeners = Mutex<[any EventListener]>([])

    package init(registeredTypes: Set<String>, database: HubDatabase, clock: any HubClock) {
        self.registeredTypes = registeredTypes
        self.database = database
        self.clock = clock
    }

    /// Who hears of every event recorded from now on: the enabled slices'
    /// ``SliceParts/eventListeners``, set once the hub is assembled.
    func setListeners(_ all: [any EventListener]) {
        listeners.withLock { $0 = all }
    }

    /// Records `draft` in `db`'s open transaction. An unregistered type is a
    /// programming error: it throws and nothing is written.
    @discardableResult
    package func record(_ draft: EventDraft, in db: any DatabaseSession) throws -> Event {
        try record([draft], in: db)[0]
    }

    /// Records `drafts` in `db`'s open transaction, in order, with one statement: after an
    /// outage a checker reports thousands of moves at once. Listeners hear of them together.
    @discardableResult
    package func record(_ drafts: [EventDraft], in db: any DatabaseSession) throws -> [Event] {
        guard !drafts.isEmpty else { return [] }
        if let unregistered = drafts.first(where: { !registeredTypes.contains($0.type) }) {
            throw EventLogError.unregisteredType(unregistered.type)
        }
        let createdAt = Timestamp(clock.now())
        let rows = try drafts.map { draft in
            JSONValue.array([
                .string(draft.customerID), .string(draft.type), .string(draft.subject),
                .string(try WireJSON.encodeString(JSONValue.object(draft.payload))),
            ])
        }
        // Hand-written, one prepared statement for the whole batch: records would insert
        // row by row, each through an encoder, where a checker after an outage has thousands.
        // Rows are inserted in the drafts' order, so ascending ids match them one to one.
        let ids = try Int64.fetchAll(db, sql: Self.insertSQL(db.dialect), arguments: [
            createdAt, try WireJSON.encodeString(JSONValue.array(rows)),
        ]).sorted()
        guard ids.count == drafts.count else { throw EventLogError.unnumbered(expected: drafts.count, got: ids.count) }
        let events = drafts.enumerated().map { offset, draft in
            Event(
                id: ids[offset], customerID: draft.customerID, type: draft.type,
                subject: draft.subject, payload: .object(draft.payload), createdAt: createdAt
            )
        }
        for listener in listeners.withLock({ $0 }) {
            try listener.eventsRecorded(events, in: db)
        }
        return events
    }

    /// The `limit` newest events, newest first: what an operator's summary shows.
    package func latest(limit: Int) async throws -> [Event] {
        try await timeline(limit: limit)
    }

    /// Events in ascending id order, filtered as the admin API allows.
    package func list(customerID: String? = nil, type: String? = nil, afterID: Int64 = 0, limit: Int = 100) async throws -> [Event] {
        var conditions = SQLConditions()
        conditions.add("id > ?", afterID)
        if let customerID { conditions.add("customer_id = ?", customerID) }
        if let type { conditions.add("type = ?", type) }
        let sql = "SELECT \(Event.columnsSQL) FROM kernel_events \(conditions.whereClause) ORDER BY id LIMIT ?"
        let arguments = conditions.arguments + [limit]
        return try await database.read { db in try Event.fetchAll(db, sql: sql, arguments: arguments) }
    }

    static func insertSQL(_ dialect: SQLDialect) -> String {
        """
        INSERT INTO kernel_events (customer_id, type, subject, payload_json, created_at)
        SELECT \(dialect.jsonElement(0)), \(dialect.jsonElement(1)), \(dialect.jsonElement(2)), \(dialect.jsonElement(3)), ?
        FROM \(dialect.jsonArrayRows) ORDER BY key
        RETURNING id
        """
    }
}

extension EventLog {
    /// A page of the dashboard's timeline: newest first, filtered by customer, type and
    /// time (`since` inclusive, `until` exclusive), below `beforeID` (the next page) or
    /// above `afterID` (what is new since the page was drawn).
    package func timeline(
        customerID: String? = nil, type: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
        beforeID: Int64? = nil, afterID: Int64? = nil, limit: Int
    ) async throws -> [Event] {
        var conditions = SQLConditions()
        if let customerID { conditions.add("customer_id = ?", customerID) }
        if let type { conditions.add("type = ?", type) }
        if let since { conditions.add("created_at >= ?", since) }
        if let until { conditions.add("created_at < ?", until) }
        if let beforeID { conditions.add("id < ?", beforeID) }
        if let afterID { conditions.add("id > ?", afterID) }
        let sql = "SELECT \(Event.columnsSQL) FROM kernel_events \(conditions.whereClause) ORDER BY id DESC LIMIT ?"
        let arguments = conditions.arguments + [limit]
        return try await database.read { db in try Event.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// How many events of each type were recorded since `since`.
    package func countsByType(since: Timestamp) async throws -> [(type: String, count: Int)] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT type, COUNT(*) AS n FROM kernel_events WHERE created_at >= ? GROUP BY type ORDER BY n DESC, type",
                arguments: [since]
            ).map { (type: $0["type"], count: $0["n"]) }
        }
    }

    /// The registered event types, sorted: what a filter offers.
    package var types: [String] { registeredTypes.sorted() }
}

/// Told of every recorded event, inside the recording transaction; events recorded
/// together arrive together.
package protocol EventListener: Sendable {
    func eventsRecorded(_ events: [Event], in db: any DatabaseSession) throws
}

package enum EventLogError: Error, Equatable, CustomStringConvertible {
    case unregisteredType(String)
    case unnumbered(expected: Int, got: Int)

    package var description: String {
        switch self {
        case .unregisteredType(let type): "event type '\(type)' is not registered by any enabled slice"
        case .unnumbered(let expected, let got): "the database numbered \(got) of \(expected) recorded events"
        }
    }
}
