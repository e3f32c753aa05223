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
    package func record(_ draft: EventDraft, in db: Database) throws -> Event {
        try record([draft], in: db)[0]
    }

    /// Records `drafts` in `db`'s open transaction, in order, with one statement: after an
    /// outage a checker reports thousands of moves at once. Listeners hear of them together.
    @discardableResult
    package func record(_ drafts: [EventDraft], in db: Database) throws -> [Event] {
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
        try db.cachedStatement(sql: """
            INSERT INTO kernel_events (customer_id, type, subject, payload_json, created_at)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                json_extract(value, '$[3]'), ?
            FROM json_each(?) ORDER BY key
            """).execute(arguments: [createdAt, try WireJSON.encodeString(JSONValue.array(rows))])
        // One INSERT in a write transaction numbers its rows one after another (the table
        // is AUTOINCREMENT and nobody else writes meanwhile), so the last id gives them all.
        let firstID = db.lastInsertedRowID - Int64(drafts.count) + 1
        let events = drafts.enumerated().map { offset, draft in
            Event(
                id: firstID + Int64(offset), customerID: draft.customerID, type: draft.type,
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
        try await database.pool.read { db in
            try Event.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// Events in ascending id order, filtered as the admin API allows.
    package func list(customerID: String? = nil, type: String? = nil, afterID: Int64 = 0, limit: Int = 100) async throws -> [Event] {
        var events = Event.filter(Column("id") > afterID)
        if let customerID {
            events = events.filter(Column("customer_id") == customerID)
        }
        if let type {
            events = events.filter(Column("type") == type)
        }
        let request = events.order(Column("id")).limit(limit)
        return try await database.pool.read { db in try request.fetchAll(db) }
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
        var events = Event.all()
        if let customerID { events = events.filter(Column("customer_id") == customerID) }
        if let type { events = events.filter(Column("type") == type) }
        if let since { events = events.filter(Column("created_at") >= since) }
        if let until { events = events.filter(Column("created_at") < until) }
        if let beforeID { events = events.filter(Column("id") < beforeID) }
        if let afterID { events = events.filter(Column("id") > afterID) }
        let request = events.order(Column("id").desc).limit(limit)
        return try await database.pool.read { db in try request.fetchAll(db) }
    }

    /// How many events of each type were recorded since `since`.
    package func countsByType(since: Timestamp) async throws -> [(type: String, count: Int)] {
        try await database.pool.read { db in
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
    func eventsRecorded(_ events: [Event], in db: Database) throws
}

package enum EventLogError: Error, Equatable, CustomStringConvertible {
    case unregisteredType(String)

    package var description: String {
        switch self {
        case .unregisteredType(let type): "event type '\(type)' is not registered by any enabled slice"
        }
    }
}
