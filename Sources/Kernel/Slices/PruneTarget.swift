/// A table of raw reports that the daily prune keeps to `HUB_RETENTION_DAYS`.
public struct PruneTarget: Sendable, Equatable {
    public let table: String
    /// An integer primary key, used to delete in bounded batches.
    public let idColumn: String
    /// A stored ``Timestamp`` column; rows older than the retention are deleted.
    public let timeColumn: String

    public init(table: String, idColumn: String = "id", timeColumn: String) {
        self.table = table
        self.idColumn = idColumn
        self.timeColumn = timeColumn
    }
}
