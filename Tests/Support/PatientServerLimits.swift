import Kernel

extension ServerLimits {
    /// The limits a test hub serves with unless the test sets its own. Hummingbird's live
    /// test client opens its connection when the test starts; on a loaded CI machine its
    /// first request may come more than the production header timeout (10 s) later, and
    /// the hub would rightly hang up on it. The production defaults are tested where they
    /// are the subject: `ConfigurationTests` and `ConnectionLimitsTests`.
    package static let patientForTests = ServerLimits(headerTimeout: .seconds(600), idleTimeout: .seconds(600))
}
