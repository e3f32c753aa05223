import GRDB

/// `/healthz` (the process serves) and `/readyz` (migrations done, database answers).
enum HealthRoutes {
    struct Health: Encodable {
        let status: String
        let version: String
    }

    static func routes(version: String, database: HubDatabase) -> [SliceRoute] {
        [
            SliceRoute(.get, "/healthz", access: .open) { _ in
                try .json(Health(status: "ok", version: version))
            },
            SliceRoute(.get, "/readyz", access: .open) { _ in
                do {
                    _ = try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
                } catch {
                    throw HubError(.serviceUnavailable, "not_ready", "the database does not answer")
                }
                return try .json(Health(status: "ready", version: version))
            },
        ]
    }
}
