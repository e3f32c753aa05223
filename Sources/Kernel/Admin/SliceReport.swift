/// A slice as `GET /api/v1/admin/slices` and `hub slices` show it.
package struct SliceReport: Sendable, Codable, Equatable {
    package struct AppliedMigration: Sendable, Codable, Equatable {
        package let id: String
        package let kind: String
        /// `nil` while pending.
        package let appliedAt: Timestamp?
    }

    package let name: String
    package let number: Int
    package let summary: String
    package let enabled: Bool
    package let requires: [String]
    package let migrations: [AppliedMigration]
    package let flags: [FlagState]
    package let eventTypes: [String]
    package let settings: [SettingReport]

    /// One of the slice's settings: the variable, what it does, its value if set.
    package struct SettingReport: Sendable, Codable, Equatable {
        package let name: String
        package let summary: String
        /// The value given; `nil` when the default applies.
        package let value: String?
        package let defaultText: String

        package init(name: String, summary: String, value: String?, defaultText: String) {
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
