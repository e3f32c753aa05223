import GRDB

/// Who may be named in a flag's cohort: the customers, which one slice owns.
///
/// The kernel keeps flags but knows no customers. The slice that owns them declares
/// this (``Slice/cohortMembers``), so that a cohort naming someone who is no customer —
/// a typo, most often — is refused when it is set instead of silently matching nobody.
package protocol CohortMembers: Sendable {
    /// The ids among `customerIDs` that name no customer.
    func unknown(_ customerIDs: [String], in db: any DatabaseSession) throws -> [String]
}
