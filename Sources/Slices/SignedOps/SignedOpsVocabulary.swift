import Kernel

/// The names slice 4 registers: its flag, event types and checker.
package enum SignedOpsVocabulary {
    package static let sliceName = "signed-ops"

    /// Desired state and ops are live for a customer. Cohort-capable: the slice is rolled
    /// out customer by customer by listing them.
    package static let signedOps = "signed_ops"

    static let flags: [FlagDefinition] = [
        FlagDefinition(name: signedOps, summary: "desired state and ops are live for the customer", cohortCapable: true, default: true),
    ]

    package static let opSucceeded = "op_succeeded"
    package static let opFailed = "op_failed"
    package static let opExpired = "op_expired"
    static let eventTypes = [opSucceeded, opFailed, opExpired]

    static let expiryChecker = "op_expiry"
}
