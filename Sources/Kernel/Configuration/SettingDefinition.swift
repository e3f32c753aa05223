/// One environment variable a slice reads, as `hub slices`, `hub --help` and
/// `GET /api/v1/admin/slices` show it; ``Setting`` is the typed handle a slice reads it
/// through.
package struct SettingDefinition: Sendable {
    /// The variable, `HUB_…`.
    package let name: String
    package let summary: String
    /// The default, as an operator would write it.
    package let defaultText: String
    /// Throws a ``ConfigurationError`` naming the variable when `text` is not a value it
    /// takes (the start then stops with exit status 2).
    let check: @Sendable (String) throws -> Void

    package init(name: String, summary: String, defaultText: String, check: @escaping @Sendable (String) throws -> Void) {
        self.name = name
        self.summary = summary
        self.defaultText = defaultText
        self.check = check
    }
}
