import GRDB

/// The `SET a = ?, b = ?` of an UPDATE that changes only the columns a request names.
package struct ColumnAssignments: Sendable {
    private var columns: [String] = []
    package private(set) var arguments = SQLArguments()

    package init() {}

    package mutating func set(_ column: String, to value: (any DatabaseValueConvertible)?) {
        columns.append(column)
        arguments += [value]
    }

    package var setClause: String {
        columns.map { "\($0) = ?" }.joined(separator: ", ")
    }
}
