import GRDB

/// A `WHERE` clause built from the filters a request asks for, each with its own
/// arguments: what listings with optional filters share, in SQL both engines read.
package struct SQLConditions: Sendable {
    private var clauses: [String] = []
    package private(set) var arguments = SQLArguments()

    package init() {}

    /// Adds `clause` (with `?` placeholders for `values`), joined to the others by AND.
    package mutating func add(_ clause: String, _ values: (any DatabaseValueConvertible)?...) {
        clauses.append(clause)
        arguments += SQLArguments(values)
    }

    /// `WHERE a AND b …`, or nothing when no filter was added.
    package var whereClause: String {
        clauses.isEmpty ? "" : "WHERE " + clauses.map { "(\($0))" }.joined(separator: " AND ")
    }
}
