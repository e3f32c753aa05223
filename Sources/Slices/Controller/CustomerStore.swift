import Foundation
import GRDB
import Kernel

/// Customers in `customer_configs`: created with a fresh key (kept as its hash),
/// read, and changed by the operator.
package struct CustomerStore: Sendable {
    let database: HubDatabase
    let clock: any HubClock

    package init(database: HubDatabase, clock: any HubClock) {
        self.database = database
        self.clock = clock
    }

    /// Creates a customer and answers its key, which is shown once and never stored.
    package func create(customerID: String, name: String?) async throws -> (customer: Customer, apiKey: String) {
        guard CustomerID.isValid(customerID) else {
            throw HubError.badRequest("invalid_customer_id", "customer_id must match ^[a-z0-9][a-z0-9-]{1,62}$")
        }
        let apiKey = APIKey.generate()
        let now = Timestamp(clock.now())
        let customer = try await database.write { db -> Customer in
            guard try CustomerDirectory().customer(customerID, in: db) == nil else {
                throw HubError.conflict("exists", "customer \(customerID) already exists")
            }
            try db.execute(
                sql: "INSERT INTO customer_configs (customer_id, name, status, api_key_hash, created_at, updated_at) VALUES (?, ?, 'active', ?, ?, ?)",
                arguments: [customerID, name ?? "", APIKey.hash(apiKey), now, now]
            )
            return try CustomerDirectory().customer(customerID, in: db)!
        }
        return (customer, apiKey)
    }

    package func customer(_ customerID: String) async throws -> Customer? {
        try await database.read { db in try CustomerDirectory().customer(customerID, in: db) }
    }

    package func list() async throws -> [Customer] {
        try await database.read { db in
            try Customer.fetchAll(db, sql: "SELECT * FROM customer_configs ORDER BY customer_id")
        }
    }

    /// The customer a key belongs to, by the key's hash.
    package func customerID(forKeyHash keyHash: String) async throws -> String? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT customer_id FROM customer_configs WHERE api_key_hash = ?", arguments: [keyHash])
        }
    }

    /// Applies `change`; answers the customer and, when a webhook secret was made, that
    /// secret (the only time it leaves the hub). A secret is made when the first
    /// `webhook_url` is set, when asked to rotate, and when the URL moves to another
    /// receiver (see ``isSameReceiver(_:_:)``).
    package func apply(_ change: CustomerChange, to customerID: String) async throws -> (customer: Customer, webhookSecret: String?) {
        let now = Timestamp(clock.now())
        return try await database.write { db in
            guard let current = try CustomerDirectory().customer(customerID, in: db) else {
                throw HubError.notFound("no customer \(customerID)")
            }
            var assignments = ColumnAssignments()
            if let name = change.name {
                assignments.set("name", to: name)
            }
            if let status = change.status {
                assignments.set("status", to: status)
            }
            if let paidUntil = change.paidUntil {
                assignments.set("paid_until", to: paidUntil)
            }
            var secret: String?
            if let webhookURL = change.webhookURL {
                assignments.set("webhook_url", to: webhookURL)
                if let webhookURL, !Self.isSameReceiver(current.webhookURL, webhookURL) { secret = APIKey.generate() }
                if webhookURL == nil {
                    assignments.set("webhook_secret", to: nil)
                }
            }
            if change.rotateWebhookSecret {
                guard (change.webhookURL ?? current.webhookURL) != nil else {
                    throw HubError.badRequest("invalid_customer", "rotate_webhook_secret needs a webhook_url")
                }
                secret = APIKey.generate()
            }
            if let secret {
                assignments.set("webhook_secret", to: secret)
            }
            assignments.set("updated_at", to: now)
            try db.execute(
                sql: "UPDATE customer_configs SET \(assignments.setClause) WHERE customer_id = ?",
                arguments: assignments.arguments + [customerID]
            )
            return (try CustomerDirectory().customer(customerID, in: db)!, secret)
        }
    }

    /// Whether `new` reaches the same receiver as `old`: the same scheme, host and port
    /// (the web's notion of an origin; the path may change). Anyone who received a
    /// webhook knows its secret, so a receiver at another origin — which may belong to
    /// someone else — gets a secret of its own, or the previous receiver could sign
    /// events the new one would accept. A different path on the same origin is the
    /// same party and keeps the secret.
    static func isSameReceiver(_ old: String?, _ new: String) -> Bool {
        guard let old, let before = try? WebhookEndpoint(old), let after = try? WebhookEndpoint(new) else { return false }
        return before.hasSameOrigin(as: after)
    }
}
