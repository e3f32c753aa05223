import Foundation
import GRDB
import NIOCore
import PostgresNIO

/// Values between GRDB's `DatabaseValue` (what the hub's records speak) and PostgreSQL.
///
/// Parameters go as text of no declared type, as a literal in the SQL would, so the server
/// gives each the type its place needs (a text column, a count, a time): the same
/// leniency the hub's SQLite statements rely on. Blobs go typed, as `bytea`.
enum PostgresValues {
    static func bindings(_ arguments: SQLArguments) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value.storage {
            case .null:
                bindings.appendNull()
            case .int64(let number):
                bindings.append(untyped(String(number)))
            case .double(let number):
                bindings.append(untyped(number.isFinite ? "\(number)" : "NaN"))
            case .string(let text) where text.utf8.contains(0):
                // PostgreSQL text cannot hold U+0000 and the hub stores none (every body
                // refuses it), so such a value (a path or query naming `%00`) equals
                // nothing stored: NULL equals nothing either, where the text would fail.
                bindings.appendNull()
            case .string(let text):
                bindings.append(untyped(text))
            case .blob(let data):
                bindings.append(ByteBuffer(bytes: data))
            }
        }
        return bindings
    }

    private static func untyped(_ text: String) -> UntypedText {
        UntypedText(text: text)
    }

    /// A cell as SQLite would have answered it: integers and booleans as integers,
    /// `numeric` (what SUM and AVG give) as an integer when it is whole.
    static func databaseValue(_ cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8:
            return try cell.decode(Int64.self).databaseValue
        case .float4, .float8:
            return try cell.decode(Double.self).databaseValue
        case .bool:
            return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
        case .numeric:
            let number = try cell.decode(Decimal.self)
            if number == number.rounded(), let whole = Int64(exactly: NSDecimalNumber(decimal: number).doubleValue) {
                return whole.databaseValue
            }
            return NSDecimalNumber(decimal: number).doubleValue.databaseValue
        case .bytea:
            return Data(try cell.decode([UInt8].self)).databaseValue
        default:
            return try cell.decode(String.self).databaseValue
        }
    }
}

extension Decimal {
    fileprivate func rounded() -> Decimal {
        var copy = self
        var result = Decimal()
        NSDecimalRound(&result, &copy, 0, .plain)
        return result
    }
}

/// A parameter sent as text with no declared type (OID 0): the server types it from
/// where it stands, as it would a quoted literal.
struct UntypedText: PostgresDynamicTypeEncodable {
    let text: String

    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}
