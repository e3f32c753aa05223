import Foundation
import GRDB

/// The dashboard's login sessions, kept in `kernel_dashboard_sessions`.
///
/// A session is a random token in the operator's cookie; the table holds only its
/// SHA-256 (a copy of the database lets nobody in) and a public id the audit trail names
/// (`session:ds-…`). A session ends at its expiry or at logout; expired rows are
/// deleted at each login.
package struct DashboardSessions: Sendable {
    let database: HubDatabase
    let clock: any HubClock
    /// How long a session lasts from its login (`HUB_DASHBOARD_SESSION_MINUTES`).
    let lifetime: TimeInterval

    package init(database: HubDatabase, clock: any HubClock, lifetime: TimeInterval) {
        self.database = database
        self.clock = clock
        self.lifetime = lifetime
    }

    /// What a presented token turned out to be.
    package enum Lookup: Sendable, Equatable {
        case valid(DashboardSession)
        /// It was a session, and its time is up: the operator is told so.
        case expired
        case unknown
    }

    /// Starts a session; the token goes into the cookie and nowhere else.
    package func start() async throws -> (session: DashboardSession, token: String) {
        let token = APIKey.generate()
        let now = clock.now()
        let session = DashboardSession(id: LegibleIdentifier.make(prefix: "ds-", length: 10), token: token, expiresAt: now.addingTimeInterval(lifetime))
        try await database.write { db in
            try db.execute(sql: "DELETE FROM kernel_dashboard_sessions WHERE expires_at <= ?", arguments: [Timestamp(now)])
            try db.execute(
                sql: "INSERT INTO kernel_dashboard_sessions (session_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [session.id, APIKey.hash(token), Timestamp(now), Timestamp(session.expiresAt)]
            )
        }
        return (session, token)
    }

    package func lookup(token: String?) async throws -> Lookup {
        guard let token, APIKey.isWellFormed(token) else { return .unknown }
        let found = try await database.read { db -> (id: String, expiresAt: Timestamp)? in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT session_id, expires_at FROM kernel_dashboard_sessions WHERE token_hash = ?", arguments: [APIKey.hash(token)]
            ), let expiresAt: Timestamp = row["expires_at"] else { return nil }
            return (row["session_id"], expiresAt)
        }
        guard let found else { return .unknown }
        guard found.expiresAt.date > clock.now() else { return .expired }
        return .valid(DashboardSession(id: found.id, token: token, expiresAt: found.expiresAt.date))
    }

    /// Logout: the token stops working at once.
    package func end(token: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM kernel_dashboard_sessions WHERE token_hash = ?", arguments: [APIKey.hash(token)])
        }
    }
}
