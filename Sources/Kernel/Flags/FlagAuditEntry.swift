import GRDB

/// One change of a flag's runtime value, as the audit trail keeps it: who (a key's audit
/// name or a dashboard session), when, and the value before and after as JSON
/// (`{"enabled": true, "customers": ["acme"]}`).
package struct FlagAuditEntry: Sendable, Equatable, SnakeCaseRecord {
    package let flag: String
    package let actor: String
    package let oldValueJSON: String
    package let newValueJSON: String
    package let changedAt: Timestamp
}
