/// A flag as the operator sees it: its resolved value and where that value came from.
package struct FlagState: Sendable, Equatable, Codable {
    package enum Source: String, Sendable, Codable {
        /// The slice's default in code.
        case `default`
        /// `HUB_FLAGS`.
        case environment = "env"
        /// Set through the admin API or `hub flags set`.
        case runtime
        /// Switched off for good by an enabled slice.
        case retired
    }

    package let name: String
    package let slice: String
    package let enabled: Bool
    /// Non-empty when the flag is on for these customers only.
    package let customers: [String]
    package let source: Source

    /// The value for `customerID`; a cohort flag is off for everyone outside it,
    /// and for questions not about a customer.
    package func isEnabled(for customerID: String?) -> Bool {
        guard enabled else { return false }
        guard !customers.isEmpty else { return true }
        guard let customerID else { return false }
        return customers.contains(customerID)
    }
}
