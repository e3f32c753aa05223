import GRDB

/// A slice whose destructive migration was applied has changed the database for good
/// (the cutover dropped the table the earlier path wrote): the database must not be
/// served without it, or the routes it replaced would come back over a schema they no
/// longer fit. Checked at every start; going back is a restore from the backup taken
/// before the migration.
enum DestructiveOwnership {
    static func check(_ database: HubDatabase, enabled: Set<String>) async throws {
        let owners = try await database.read { db -> [(owner: String, id: String)] in
            guard try db.tableExists("kernel_migrations") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT owner, id FROM kernel_migrations WHERE kind = 'destructive' ORDER BY applied_at")
                .map { ($0["owner"], $0["id"]) }
        }
        for (owner, id) in owners where owner != KernelSchema.owner && !enabled.contains(owner) {
            throw ConfigurationError(
                "slice '\(owner)' changed this database for good (migration \(id)); it cannot be served without it: "
                    + "add '\(owner)' to HUB_SLICES, or restore the backup taken before \(id)"
            )
        }
    }
}
