/// A number as written in a JSON text, already checked against RFC 8259's grammar,
/// turned into a Swift number only in the form the caller asks for.
///
/// JSON has one number type; Swift has several, and a literal may fit one and not
/// another. Keeping the literal lets each field choose its own rule: ``integer`` for
/// a count that must be written whole, ``wholeNumber`` for Foundation's reading of an
/// `Int` field (which takes `12.0` and `1e2`), ``double`` for a measurement.
package struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal's bytes: `-? int frac? exp?`, nothing else.
    package let literal: ArraySlice<UInt8>

    init(literal: ArraySlice<UInt8>) {
        self.literal = literal
    }

    package var description: String { String(decoding: literal, as: UTF8.self) }

    /// Whether the literal has neither a fraction nor an exponent.
    package var isInteger: Bool {
        !literal.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value, when written as a whole number without fraction or exponent and
    /// within `Int`'s range; `nil` otherwise.
    package var integer: Int? {
        guard isInteger else { return nil }
        var digits = literal[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        var value = 0
        for byte in digits {
            let digit = Int(byte &- UInt8(ascii: "0"))
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
            // Accumulating downwards for a negative number reaches Int.min, which has
            // no positive counterpart.
            let (next, addOverflow) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !shiftOverflow, !addOverflow else { return nil }
            value = next
        }
        return value
    }

    /// The closest `Double`, or `nil` when the value lies beyond `Double`: too large
    /// (it would be infinite) or too small (a non-zero literal that would read as
    /// zero). That is Foundation's rule for a `Double` field, kept so that the hub
    /// refuses what it refused before.
    package var double: Double? {
        let value = nearestDouble
        guard value.isFinite else { return nil }
        if value == 0, hasNonZeroDigit { return nil }
        return value
    }

    /// The value as an `Int` when it is a whole number, however written: `12`, `12.0`
    /// and `1.2e1` alike, as Foundation's `JSONDecoder` reads an `Int` field. A literal
    /// with a fraction or exponent goes through `Double`, as there, so `1e-400` reads
    /// as 0 and `9223372036854775807.0` (2⁶³ once rounded) is refused.
    package var wholeNumber: Int? {
        isInteger ? integer : Int(exactly: nearestDouble)
    }

    /// The correctly rounded `Double`, infinite or zero at the edges. Short literals,
    /// which are nearly all of them, are computed exactly in one floating-point
    /// operation; the rest go through the standard library's parser.
    package var nearestDouble: Double {
        if let value = DecimalFastPath.double(literal) { return value }
        return Double(String(decoding: literal, as: UTF8.self)) ?? .nan
    }

    /// Whether a digit before the exponent is not zero.
    private var hasNonZeroDigit: Bool {
        for byte in literal {
            switch byte {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): return true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): return false
            default: continue
            }
        }
        return false
    }
}
