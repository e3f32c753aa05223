/// A switch inside a slice, with a default in code.
///
/// A later slice may change what an earlier slice's flag means while it is enabled —
/// default it off, or retire it — by declaring a ``FlagEffect``; the flag's own slice
/// never names a later one.
package struct FlagDefinition: Sendable {
    package let name: String
    package let summary: String
    /// Whether the flag may be switched on for a list of customers only.
    package let cohortCapable: Bool
    /// The value when nothing else decides: no later slice's effect, no `HUB_FLAGS`
    /// override, no runtime value.
    package let defaultValue: Bool

    package init(name: String, summary: String, cohortCapable: Bool = false, default value: Bool) {
        self.name = name
        self.summary = summary
        self.cohortCapable = cohortCapable
        self.defaultValue = value
    }
}
