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
    public let settings: [SettingReport]

    /// One of the slice's settings: the variable, what it does, its value if set.
    public struct SettingReport: Sendable, Codable, Equatable {
        public let name: String
        public let summary: String
        /// The value given; `nil` when the default applies.
        public let value: String?
        public let defaultText: String

        public init(name: String, summary: String, value: String?, defaultText: String) {
            self.name = name
            self.summary = summary
            self.value = value
            self.defaultText = defaultText
        }

        enum CodingKeys: String, CodingKey {
            case name, summary, value
            case defaultText = "default"
        }
    }
}
