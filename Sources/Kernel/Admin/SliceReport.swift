/// A slice as `GET /api/v1/admin/slices` and `hub slices` show it.
public struct SliceReport: Sendable, Codable, Equatable {
    public struct AppliedMigration: Sendable, Codable, Equatable {
        public let id: String
        public let kind: String
        /// `nil` while pending.
        public let appliedAt: Timestamp?
    }

    public let name: String
    public let number: Int
    public let summary: String
    public let enabled: Bool
    public let requires: [String]
    public let migrations: [AppliedMigration]
    public let flags: [FlagState]
    public let eventTypes: [String]
}
