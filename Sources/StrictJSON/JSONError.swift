/// Why ``JSONReader`` refused its input, and where.
///
/// A value rather than a message, so that a caller can map a broken document and a
/// value of the wrong kind to different answers (the host report says "not valid
/// JSON" for the first and names the field for the second).
package struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    package enum Reason: Sendable, Equatable {
        /// No value at all: the input is empty or only whitespace.
        case empty
        /// The input ends inside a value.
        case unexpectedEnd
        /// A byte that cannot stand where it stands.
        case unexpectedByte(UInt8)
        /// Bytes inside a string that are not UTF-8 (RFC 3629: no overlong forms, no
        /// encoded surrogates, nothing above U+10FFFF).
        case invalidUTF8
        /// A byte below 0x20 inside a string; JSON requires it escaped.
        case unescapedControlCharacter
        /// A backslash not followed by one of `"\/bfnrt` or by `u` and four hex digits.
        case invalidEscape
        /// A `\u` escape of one half of a surrogate pair without the other half.
        case loneSurrogate
        /// A number with a superfluous leading zero, like `01`.
        case leadingZero
        /// A number missing its digits after `-`, `.` or the exponent mark.
        case malformedNumber
        /// A comma directly before `}` or `]`.
        case trailingComma
        /// More than whitespace after the top-level value.
        case trailingContent
        /// Containers nested deeper than the reader's limit.
        case tooDeep(limit: Int)
        /// A key that an earlier member of the same object already has, compared after
        /// escapes are decoded (`"a"` and `"\u0061"` are one key). JSON allows it, but
        /// parsers disagree on which member counts (Foundation keeps the first, Python,
        /// JavaScript and Go the last), so a body the hub read one way would be stored
        /// and read back another.
        case duplicateKey
        /// U+0000 (a `\u0000` escape) in a key or a string value. JSON allows it, but
        /// SQLite's text binding and every C string end at it, so `"running\u0000x"`
        /// would be checked as one text and stored as another.
        case nulCharacter(inKey: Bool)
        /// A well-formed value of another kind than the caller asked for.
        case mismatch(expected: JSONValueKind, found: JSONValueKind)
        /// A number with a fraction or an exponent where a whole number was asked for.
        case notAnInteger
        /// A number beyond the range of the type asked for.
        case numberOutOfRange
    }

    package let reason: Reason
    /// The byte offset in the input where the fault was found.
    package let offset: Int
    /// The value being read when it was found, like `guests[1].vmid`; empty at the top level.
    package let path: String

    package init(_ reason: Reason, offset: Int, path: String) {
        self.reason = reason
        self.offset = offset
        self.path = path
    }

    /// Whether the input is not JSON at all, as opposed to JSON of another shape than
    /// the caller asked for, or JSON the hub refuses (a duplicate key, U+0000).
    package var isSyntaxError: Bool {
        switch reason {
        case .mismatch, .notAnInteger, .numberOutOfRange, .duplicateKey, .nulCharacter: false
        default: true
        }
    }

    package var description: String {
        let place = path.isEmpty ? "at byte \(offset)" : "at byte \(offset) (\(path))"
        return "\(reason.summary) \(place)"
    }
}

extension JSONError.Reason {
    var summary: String {
        switch self {
        case .empty: "no JSON value"
        case .unexpectedEnd: "unexpected end of input"
        case .unexpectedByte(let byte):
            (0x21...0x7E).contains(byte) ? "unexpected '\(Character(Unicode.Scalar(byte)))'" : "unexpected byte 0x\(String(byte, radix: 16, uppercase: true))"
        case .invalidUTF8: "invalid UTF-8"
        case .unescapedControlCharacter: "unescaped control character in a string"
        case .invalidEscape: "invalid escape in a string"
        case .loneSurrogate: "lone UTF-16 surrogate in a \\u escape"
        case .leadingZero: "number with a leading zero"
        case .malformedNumber: "malformed number"
        case .trailingComma: "comma before a closing bracket"
        case .trailingContent: "content after the JSON value"
        case .tooDeep(let limit): "nesting deeper than \(limit)"
        case .duplicateKey: "duplicate key"
        case .nulCharacter(let inKey): inKey ? "U+0000 in a key" : "U+0000 in a string"
        case .mismatch(let expected, let found): "expected \(expected), found \(found)"
        case .notAnInteger: "expected a whole number"
        case .numberOutOfRange: "number out of range"
        }
    }
}
