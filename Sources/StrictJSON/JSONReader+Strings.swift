/// Where a validated string's characters lie in the input, between its quotes.
struct JSONStringSpan: Sendable {
    let content: Range<Int>
    /// Whether a backslash occurs, so that the bytes cannot be taken as they are.
    let hasEscapes: Bool
}

extension JSONReader {
    /// The string that is the next value, escapes decoded.
    package mutating func readString() throws(JSONError) -> String {
        try expect(.string)
        let span = try scanString()
        guard span.hasEscapes else { return String(decoding: bytes[span.content], as: UTF8.self) }
        return String(decoding: unescaped(span.content), as: UTF8.self)
    }

    /// Validates the string whose opening quote is at `offset` and steps past its
    /// closing quote. Plain ASCII costs one comparison chain per byte; escapes and
    /// multi-byte sequences are checked where they occur, so that a skipped string is
    /// held to the same rules as a read one. `isKey` only words the error for U+0000.
    mutating func scanString(isKey: Bool = false) throws(JSONError) -> JSONStringSpan {
        let start = offset + 1
        var index = start
        var hasEscapes = false
        while index < bytes.count {
            index = bytes.withUnsafeBufferPointer { Self.endOfPlainText(in: $0, from: index) }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return JSONStringSpan(content: start..<index, hasEscapes: hasEscapes)
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index = try endOfEscape(at: index, isKey: isKey)
            } else if byte < 0x20 {
                throw failure(.unescapedControlCharacter, at: index)
            } else {
                guard let length = UTF8Validation.sequenceLength(in: bytes, at: index) else {
                    throw failure(.invalidUTF8, at: index)
                }
                index += length
            }
        }
        throw failure(.unexpectedEnd, at: index)
    }

    /// The first index from `start` on whose byte needs a closer look: a quote, a
    /// backslash, a control character or the start of a multi-byte sequence. Runs of
    /// plain ASCII are most of a body, so they are stepped over eight bytes at a time.
    private static func endOfPlainText(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = buffer.baseAddress {
            while index + 8 <= buffer.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let flags = PlainTextWord.flags(word)
                guard flags == 0 else { return index + flags.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < buffer.count, PlainTextWord.isPlain(buffer[index]) {
            index += 1
        }
        return index
    }

    /// Checks the escape whose backslash is at `index`; answers the index after it. A
    /// `\u` escape of a high surrogate must be followed by one of a low surrogate, and a
    /// low surrogate must not stand alone: either half alone is no character, and
    /// Foundation refuses it. U+0000 is refused too (see ``JSONError/Reason/nulCharacter(inKey:)``):
    /// an escape is the only way a string can hold it, so checking here costs plain
    /// text nothing.
    private func endOfEscape(at index: Int, isKey: Bool) throws(JSONError) -> Int {
        guard index + 1 < bytes.count else { throw failure(.unexpectedEnd, at: bytes.count) }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: index + 2)
            switch unit {
            case 0xD800...0xDBFF:
                guard index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try hexQuad(at: index + 8))
                else { throw failure(.loneSurrogate, at: index) }
                return index + 12
            case 0xDC00...0xDFFF:
                throw failure(.loneSurrogate, at: index)
            case 0:
                throw failure(.nulCharacter(inKey: isKey), at: index)
            default:
                return index + 6
            }
        default:
            throw failure(.invalidEscape, at: index)
        }
    }

    /// The UTF-16 code unit spelled by the four hex digits at `index`.
    private func hexQuad(at index: Int) throws(JSONError) -> UInt16 {
        var unit: UInt16 = 0
        for position in index..<(index + 4) {
            guard position < bytes.count else { throw failure(.unexpectedEnd, at: position) }
            guard let digit = Self.hexValue(bytes[position]) else { throw failure(.invalidEscape, at: position) }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The UTF-8 bytes of a string `scanString()` has validated, escapes decoded.
    func unescaped(_ content: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(content.count)
        var index = content.lowerBound
        while index < content.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(validHexQuad(at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(validHexQuad(at: index + 2))
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                Self.appendUTF8(scalar, to: &result)
            default: result.append(escaped)
            }
        }
        return result
    }

    private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            bytes.append(UInt8(scalar))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func validHexQuad(at index: Int) -> UInt16 {
        var unit: UInt16 = 0
        for position in index..<(index + 4) {
            unit = unit << 4 | UInt16(Self.hexValue(bytes[position])!)
        }
        return unit
    }

    /// The key whose opening quote is at `offset`, for a path; it was validated when read.
    func keyText(at offset: Int) -> String {
        var copy = self
        copy.offset = offset
        copy.current = .topLevel
        copy.enclosing = []
        guard let span = try? copy.scanString() else { return "?" }
        return String(decoding: span.hasEscapes ? unescaped(span.content)[...] : bytes[span.content], as: UTF8.self)
    }
}
