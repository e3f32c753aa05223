/// A table of raw reports that the daily prune keeps to `HUB_RETENTION_DAYS`.
package struct PruneTarget: Sendable, Equatable {
    package let table: String
    /// An integer primary key, used to delete in bounded batches.
    package let idColumn: String
    /// A stored ``Timestamp`` column; rows older than the retention are deleted.
    package let timeColumn: String

    package init(table: String, idColumn: String = "id", timeColumn: String) {
        self.table = table
        self.idColumn = idColumn
        self.timeColumn = timeColumn
    }
}
