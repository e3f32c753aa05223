import Kernel

/// The names slice 4 registers: its flag, event types and checker.
public enum SignedOpsVocabulary {
    public static let sliceName = "signed-ops"

    /// Desired state and ops are live for a customer. Cohort-capable: the slice is rolled
    /// out customer by customer by listing them.
    public static let signedOps = "signed_ops"

    static let flags: [FlagDefinition] = [
        FlagDefinition(name: signedOps, summary: "desired state and ops are live for the customer", cohortCapable: true, default: true),
    ]

    public static let opSucceeded = "op_succeeded"
    public static let opFailed = "op_failed"
    public static let opExpired = "op_expired"
    static let eventTypes = [opSucceeded, opFailed, opExpired]

    static let expiryChecker = "op_expiry"
}
