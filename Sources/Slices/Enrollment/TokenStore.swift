import ControllerSlice
import Foundation
import GRDB
import Kernel

/// Enrollment tokens: issued, listed, revoked, and used up one enrollment at a time.
package struct TokenStore: Sendable {
    let database: HubDatabase
    let clock: any HubClock

    package init(database: HubDatabase, clock: any HubClock) {
        self.database = database
        self.clock = clock
    }

    /// Issues a token for an existing customer; the token is returned here and never again.
    func issue(_ request: TokenRequest) async throws -> (token: EnrollmentToken, secret: String) {
        let secret = TokenSecret.generate()
        let now = Timestamp(clock.now())
        let token = try await database.write { db -> EnrollmentToken in
            guard try CustomerDirectory().customer(request.customerID, in: db) != nil else {
                throw HubError.badRequest("unknown_customer", "no customer \(request.customerID)")
            }
            var tokenID = TokenSecret.generateID()
            while try Self.token(tokenID, in: db) != nil { tokenID = TokenSecret.generateID() }
            try db.execute(
                sql: """
                    INSERT INTO enrollment_tokens (token_id, token_hash, customer_id, label, created_at, expires_at, uses)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    tokenID, APIKey.hash(secret), request.customerID, request.label, now,
                    now.addingTimeInterval(TimeInterval(request.ttlSeconds)), request.uses,
                ]
            )
            guard let token = try Self.token(tokenID, in: db) else { throw HubError.notFound("no token \(tokenID)") }
            return token
        }
        return (token, secret)
    }

    static func token(_ tokenID: String, in db: any DatabaseSession) throws -> EnrollmentToken? {
        try EnrollmentToken.fetchOne(db, sql: "SELECT * FROM enrollment_tokens WHERE token_id = ?", arguments: [tokenID])
    }

    /// Newest first.
    func tokens(customerID: String?) async throws -> [EnrollmentToken] {
        try await database.read { db in
            var conditions = SQLConditions()
            if let customerID { conditions.add("customer_id = ?", customerID) }
            return try EnrollmentToken.fetchAll(
                db, sql: "SELECT * FROM enrollment_tokens \(conditions.whereClause) ORDER BY created_at DESC, token_id",
                arguments: conditions.arguments
            )
        }
    }

    /// Revokes a token: from now on it enrolls nothing. `false` when there is no such
    /// token; revoking twice keeps the first time.
    func revoke(tokenID: String) async throws -> Bool {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE enrollment_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE token_id = ?",
                arguments: [Timestamp(clock.now()), tokenID]
            )
            return db.changesCount > 0
        }
    }

    /// Uses the token whose hash is `tokenHash` once, inside the caller's transaction, and
    /// answers its id and customer; `nil` when it is unknown, expired, revoked or used up.
    ///
    /// One statement decides and counts, so concurrent enrollments cannot use a token
    /// more often than it allows, and every kind of refusal does the same work: the same
    /// lookup by hash, matching no row.
    static func use(tokenHash: String, now: Timestamp, in db: any DatabaseSession) throws -> (tokenID: String, customerID: String)? {
        let row = try Row.fetchOne(
            db, sql: """
                UPDATE enrollment_tokens SET used = used + 1
                WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ? AND used < uses
                RETURNING token_id, customer_id
                """,
            arguments: [tokenHash, now]
        )
        return row.map { ($0["token_id"], $0["customer_id"]) }
    }
}
