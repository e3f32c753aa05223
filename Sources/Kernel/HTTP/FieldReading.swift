/// One field of a JSON body read with ``JSONReader``, as the body gave it: not there,
/// read, or broken with the message that names it.
///
/// Bodies are read in one pass, but their fields are judged afterwards, in a fixed
/// order: a missing field is only known at the end of its object, and when several
/// fields are wrong the one named is the first in that order, not the first in the
/// body (the order Foundation's `Decodable` path gave, which clients already see).
package enum FieldReading<Value> {
    case absent
    case read(Value)
    /// The field is there but breaks its rule; the message names it.
    case broken(String)

    /// The value of a field the body must have.
    package func required(_ name: @autoclosure () -> String) throws(ValidationFailure) -> Value {
        switch self {
        case .absent: throw ValidationFailure("\(name()): required field is missing")
        case .read(let value): return value
        case .broken(let message): throw ValidationFailure(message)
        }
    }

    /// The value of a field the body may leave out, `fallback` when it does.
    package func value(ifAbsent fallback: Value) throws(ValidationFailure) -> Value {
        switch self {
        case .absent: return fallback
        case .read(let value): return value
        case .broken(let message): throw ValidationFailure(message)
        }
    }
}

extension FieldReading: Sendable where Value: Sendable {}
