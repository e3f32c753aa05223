/// UTF-8 as RFC 3629 defines it, checked one sequence at a time: the reader calls this
/// only for bytes ≥ 0x80 inside strings, which keeps ASCII text on a one-compare path.
enum UTF8Validation {
    /// The length of the well-formed multi-byte sequence that starts at `index`, or
    /// `nil` when it is not one: a stray continuation byte, an overlong form, an encoded
    /// surrogate, a scalar above U+10FFFF, or a sequence cut short.
    static func sequenceLength(in bytes: [UInt8], at index: Int) -> Int? {
        let lead = bytes[index]
        // The second byte's range depends on the lead byte; that is where overlong
        // forms, surrogates and scalars above U+10FFFF are refused (RFC 3629 §4).
        let length: Int
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
