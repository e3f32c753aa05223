import GRDB

/// The values bound to a statement's `?` placeholders, in order. GRDB's own
/// `StatementArguments` keeps its values to itself; this hands them to either engine.
package struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    package var values: [DatabaseValue]

    package init(_ values: [DatabaseValue] = []) {
        self.values = values
    }

    package init(_ values: some Sequence<(any DatabaseValueConvertible)?>) {
        self.values = values.map { $0?.databaseValue ?? .null }
    }

    package init(_ values: some Sequence<some DatabaseValueConvertible>) {
        self.values = values.map(\.databaseValue)
    }

    package init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        self.init(elements)
    }

    package static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        SQLArguments(lhs.values + rhs.values)
    }

    package static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }

    /// GRDB's arguments, through its initializer over optional existentials: the one over
    /// a sequence of `DatabaseValue` maps with a key path, which runs unspecialized here
    /// and costs the SQLite ingest path a few percent of its CPU.
    var statementArguments: StatementArguments {
        StatementArguments(values.map { Optional<any DatabaseValueConvertible>.some($0) })
    }
}
