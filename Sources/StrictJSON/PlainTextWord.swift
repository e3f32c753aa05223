/// Eight string bytes tested at once for the four kinds a JSON string scan must stop
/// at: `"`, `\\`, a control character (< 0x20), and any byte ≥ 0x80 (the start of a
/// multi-byte sequence, validated one sequence at a time).
///
/// The tests are the classic SWAR ones ("has a zero byte", "has a byte less than n"):
/// a borrow can only spread upwards from a byte that truly matches, so the lowest
/// flagged byte, in little-endian order the first in the text, is always exact.
enum PlainTextWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` (loaded little-endian) that is not plain text,
    /// exact up to the lowest one set; zero when all eight are plain.
    static func flags(_ word: UInt64) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word & highBits
        let quote = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
        let backslash = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
        return control | quote | backslash | (word & highBits)
    }

    /// Whether one byte is plain text, for the tail shorter than a word.
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }
}
