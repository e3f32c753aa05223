import GRDB

/// `/healthz` (the process serves) and `/readyz` (migrations done, database answers,
/// and whether this replica leads: see ``Leadership``).
enum HealthRoutes {
    struct Health: Encodable {
        let status: String
        let version: String
    }

    struct Readiness: Encodable {
        let status: String
        let version: String
        let role: String
        let store: String
    }

    static func routes(version: String, database: HubDatabase, leadership: Leadership) -> [SliceRoute] {
        [
            SliceRoute(.get, "/healthz", access: .open) { _ in
                try .json(Health(status: "ok", version: version))
            },
            SliceRoute(.get, "/readyz", access: .open) { _ in
                do {
                    _ = try await database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
                } catch {
                    throw HubError(.serviceUnavailable, "not_ready", "the database does not answer")
                }
                return try .json(Readiness(status: "ready", version: version, role: leadership.role, store: database.dialect.rawValue))
            },
        ]
    }
}
