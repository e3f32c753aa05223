/// Waits for a change another process made (a `hub …` command) to reach a test hub. On
/// SQLite it must be there already: the hub reads the change file before each request.
/// On PostgreSQL it comes by notification, so a moment later (the replicas test holds
/// that moment to under a second).
package func seesChangeFromAnotherProcess(_ what: String, _ condition: () async throws -> Bool) async throws {
    if TestDatabase.isPostgres {
        try await eventually(what, condition)
    } else if try await !condition() {
        throw WaitedTooLong(what: "\(what), at once")
    }
}
