/// Clinger's fast path from decimal to binary floating point: when the significant
/// digits fit in 53 bits and the power of ten is exact in a `Double` (10⁰…10²²), one
/// multiplication or division rounds correctly, so no big-number arithmetic is needed.
/// Literals like `12.5` or `63.0`, which are what reports carry, take this path.
enum DecimalFastPath {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded value of a valid JSON number literal, or `nil` when the
    /// fast path does not apply and a full parser must decide.
    static func double(_ literal: ArraySlice<UInt8>) -> Double? {
        var index = literal.startIndex
        let negative = literal[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var significand: UInt64 = 0
        var exponent = 0
        var inFraction = false
        while index < literal.endIndex {
            let byte = literal[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                break
            } else {
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                // Beyond 2⁵³ the significand is not exact in a Double.
                guard significand <= 1 << 53 else { return nil }
                if inFraction { exponent -= 1 }
            }
            index += 1
        }
        if index < literal.endIndex {
            index += 1
            var exponentNegative = false
            if literal[index] == UInt8(ascii: "+") || literal[index] == UInt8(ascii: "-") {
                exponentNegative = literal[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            while index < literal.endIndex {
                written = written * 10 + Int(literal[index] - UInt8(ascii: "0"))
                guard written <= 1000 else { return nil }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        let magnitude: Double
        if significand == 0 {
            magnitude = 0
        } else if (0...22).contains(exponent) {
            magnitude = Double(significand) * powersOfTen[exponent]
        } else if (-22 ..< 0).contains(exponent) {
            magnitude = Double(significand) / powersOfTen[-exponent]
        } else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }
}
