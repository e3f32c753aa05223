extension JSONReader {
    /// The number that is the next value, validated but not yet converted.
    package mutating func readNumber() throws(JSONError) -> JSONNumber {
        try expect(.number)
        return JSONNumber(literal: bytes[try scanNumber()])
    }

    /// The next value as an `Int`, written whole: `7`, not `7.0` or `7e0`.
    package mutating func readInt() throws(JSONError) -> Int {
        try expect(.number)
        let start = offset
        let number = JSONNumber(literal: bytes[try scanNumber()])
        guard number.isInteger else { throw failure(.notAnInteger, at: start) }
        guard let value = number.integer else { throw failure(.numberOutOfRange, at: start) }
        return value
    }

    /// The next value as a `Double`; a number beyond `Double`'s range is refused, not
    /// rounded to infinity or zero.
    package mutating func readDouble() throws(JSONError) -> Double {
        try expect(.number)
        let start = offset
        guard let value = JSONNumber(literal: bytes[try scanNumber()]).double else {
            throw failure(.numberOutOfRange, at: start)
        }
        return value
    }

    /// The next value, `true` or `false`.
    package mutating func readBool() throws(JSONError) -> Bool {
        try expect(.bool)
        let isTrue = bytes[offset] == UInt8(ascii: "t")
        try scanLiteral(isTrue ? "true" : "false")
        return isTrue
    }

    /// Reads a `null` if that is the next value, answering whether it was; anything
    /// else is left to be read. For optional fields, where `null` means absent.
    package mutating func skipNull() throws(JSONError) -> Bool {
        guard try peekKind() == .null else { return false }
        try scanLiteral("null")
        return true
    }

    /// Steps over a number at `offset`, answering where its literal lies. The grammar
    /// is RFC 8259's: an optional minus, `0` or a digit run not starting with `0`, an
    /// optional fraction and exponent, each with at least one digit.
    mutating func scanNumber() throws(JSONError) -> Range<Int> {
        let start = offset
        var index = offset
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw failure(.unexpectedEnd, at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure(.leadingZero, at: index - 1) }
        } else {
            index = try digitRun(from: index)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index = try digitRun(from: index + 1)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            index = try digitRun(from: index)
        }
        offset = index
        return start..<index
    }

    /// The end of the run of one or more digits at `index`.
    private func digitRun(from index: Int) throws(JSONError) -> Int {
        guard index < bytes.count else { throw failure(.unexpectedEnd, at: index) }
        guard isDigit(bytes[index]) else { throw failure(.malformedNumber, at: index) }
        var end = index + 1
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return end
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Steps over `word` (`true`, `false` or `null`) at `offset`, byte for byte.
    mutating func scanLiteral(_ word: StaticString) throws(JSONError) {
        let start = offset
        let mismatch: Int? = word.withUTF8Buffer { word in
            for (position, expected) in word.enumerated() {
                let index = start + position
                if index == bytes.count || bytes[index] != expected { return index }
            }
            return nil
        }
        if let index = mismatch {
            throw failure(index == bytes.count ? .unexpectedEnd : .unexpectedByte(bytes[index]), at: index)
        }
        offset = start + word.utf8CodeUnitCount
    }
}
