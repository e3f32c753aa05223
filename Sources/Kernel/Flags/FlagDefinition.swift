/// A switch inside a slice, with a default in code.
///
/// The default and the retirement may depend on which slices are enabled: a flag can
/// default to off once a later slice replaces what it guards, and be retired (always
/// off, refusing runtime changes) once a slice removes it for good.
public struct FlagDefinition: Sendable {
    public let name: String
    public let summary: String
    /// Whether the flag may be switched on for a list of customers only.
    public let cohortCapable: Bool
    public let defaultValue: @Sendable (_ enabledSlices: Set<String>) -> Bool
    public let isRetired: @Sendable (_ enabledSlices: Set<String>) -> Bool

    public init(
        name: String,
        summary: String,
        cohortCapable: Bool = false,
        defaultValue: @escaping @Sendable (_ enabledSlices: Set<String>) -> Bool,
        isRetired: @escaping @Sendable (_ enabledSlices: Set<String>) -> Bool = { _ in false }
    ) {
        self.name = name
        self.summary = summary
        self.cohortCapable = cohortCapable
        self.defaultValue = defaultValue
        self.isRetired = isRetired
    }

    /// A flag whose default does not depend on other slices.
    public init(name: String, summary: String, cohortCapable: Bool = false, default value: Bool) {
        self.init(name: name, summary: summary, cohortCapable: cohortCapable, defaultValue: { _ in value })
    }
}
