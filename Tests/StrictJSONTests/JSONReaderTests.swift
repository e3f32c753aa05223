import Foundation
import HubTestSupport
import StrictJSON
import Testing

/// The strict JSON reader on its own: what it reads, what it refuses and why, and
/// where it says the fault is.
@Suite struct JSONReaderTests {
    /// Reads and skips one whole document, as a caller that knows no field would.
    static func validate(_ bytes: [UInt8]) throws(JSONError) {
        var reader = JSONReader(bytes: bytes)
        try reader.skipValue()
        try reader.finish()
    }

    static func validate(_ text: String) throws(JSONError) {
        try validate(Array(text.utf8))
    }

    static func reason(_ bytes: [UInt8]) -> JSONError.Reason? {
        do {
            try validate(bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    static func reason(_ text: String) -> JSONError.Reason? { reason(Array(text.utf8)) }

    // MARK: Reading

    @Test func readsAnObjectMemberByMember() throws {
        let text = #" { "name" : "pve1", "count": -42, "ratio": 12.5, "on": true, "off": false, "gone": null, "list": [1, "two", [], {}], "extra": {"deep": [null]} } "#
        var reader = JSONReader(bytes: Array(text.utf8))
        var seen: [String] = []
        try reader.beginObject()
        while let key = try reader.nextKey() {
            seen.append(key.string)
            switch key {
            case "name": #expect(try reader.readString() == "pve1")
            case "count": #expect(try reader.readInt() == -42)
            case "ratio": #expect(try reader.readDouble() == 12.5)
            case "on": #expect(try reader.readBool() == true)
            case "off": #expect(try reader.readBool() == false)
            case "gone": #expect(try reader.skipNull())
            case "list":
                try reader.beginArray()
                #expect(try reader.nextElement())
                #expect(try reader.readInt() == 1)
                #expect(try reader.nextElement())
                #expect(try reader.readString() == "two")
                #expect(try reader.nextElement())
                #expect(try reader.peekKind() == .array)
                try reader.skipValue()
                #expect(try reader.nextElement())
                try reader.beginObject()
                #expect(try reader.nextKey() == nil)
                #expect(try reader.nextElement() == false)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        #expect(seen == ["name", "count", "ratio", "on", "off", "gone", "list", "extra"])
    }

    @Test(arguments: [
        ("{}", JSONValueKind.object), ("[]", .array), ("\"\"", .string), ("0", .number), ("-0.5e-7", .number),
        ("true", .bool), ("false", .bool), ("null", .null),
    ])
    func readsEveryKindAtTheTopLevel(text: String, kind: JSONValueKind) throws {
        var reader = JSONReader(bytes: Array(" \n\t\r\(text) \n\t\r".utf8))
        #expect(try reader.peekKind() == kind)
        try reader.skipValue()
        try reader.finish()
    }

    @Test func skipNullLeavesAnythingElseToBeRead() throws {
        var reader = JSONReader(bytes: Array("[null, 3]".utf8))
        try reader.beginArray()
        #expect(try reader.nextElement())
        #expect(try reader.skipNull())
        #expect(try reader.nextElement())
        #expect(try reader.skipNull() == false)
        #expect(try reader.readInt() == 3)
        #expect(try reader.nextElement() == false)
        try reader.finish()
    }

    @Test func aByteOrderMarkIsIgnoredOnlyAtTheStart() throws {
        try Self.validate([0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(Self.reason(Array("{}".utf8) + [0xEF, 0xBB, 0xBF]) == .trailingContent)
        #expect(Self.reason([0xEF, 0xBB, 0xBF]) == .empty)
    }

    // MARK: Strings and keys

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u00e9\u00E9""#, "éé"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00 tail""#, "😀 tail"),
        (#""\u0001\\u0000""#, "\u{1}\\u0000"),
        (#""\u2028\uffff""#, "\u{2028}\u{FFFF}"),
        ("\"été 😀 \u{7F}\"", "été 😀 \u{7F}"),
        (#""""#, ""),
    ])
    func decodesStringsWithTheirEscapes(text: String, expected: String) throws {
        var reader = JSONReader(bytes: Array(text.utf8))
        #expect(try reader.readString() == expected)
        try reader.finish()
    }

    /// Plain text is scanned eight bytes at a time: each byte that must stop the scan is
    /// found wherever it falls in a word, and the bytes either side of each threshold
    /// are not mistaken for it.
    @Test func findsEachByteThatMattersAtEveryPositionOfAWord() throws {
        for position in 0..<20 {
            func text(_ inserted: [UInt8]) -> [UInt8] {
                [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "a"), count: position) + inserted
                    + [UInt8](repeating: UInt8(ascii: "b"), count: 20 - position) + [UInt8(ascii: "\"")]
            }
            let padding = String(repeating: "a", count: position)
            let tail = String(repeating: "b", count: 20 - position)
            for (inserted, expected) in [([0x20], " "), ([0x7F], "\u{7F}"), ([0x21], "!"), ([0x5B], "["), ([0x5D], "]"),
                                         ([0xC3, 0xA9], "é"), ([0x5C, 0x6E], "\n"), ([0x5C, 0x22], "\"")] as [([UInt8], String)] {
                var reader = JSONReader(bytes: text(inserted))
                #expect(try reader.readString() == padding + expected + tail, "\(inserted) at \(position)")
            }
            for (inserted, reason) in [([0x1F], JSONError.Reason.unescapedControlCharacter), ([0x00], .unescapedControlCharacter),
                                       ([0x80], .invalidUTF8), ([0xFF], .invalidUTF8)] as [([UInt8], JSONError.Reason)] {
                #expect(throws: JSONError(reason, offset: 1 + position, path: ""), "\(inserted) at \(position)") {
                    try Self.validate(text(inserted))
                }
            }
            var cut = JSONReader(bytes: Array(text([UInt8(ascii: "\"")]).dropLast()))
            #expect(try cut.readString() == padding)
            #expect(throws: JSONError(.trailingContent, offset: position + 2, path: "")) { try cut.finish() }
        }
    }

    /// `JSONSerialization` drops these; `JSONDecoder`, whose place the reader takes, keeps them.
    @Test func keepsByteOrderMarksInsideStringsAsJSONDecoderDoes() throws {
        let text = "\"\u{FEFF}x\\n\u{FEFF}\""
        var reader = JSONReader(bytes: Array(text.utf8))
        let read = try reader.readString()
        #expect(read == (try JSONDecoder().decode(String.self, from: Data(text.utf8))))
        #expect(read.unicodeScalars.first == "\u{FEFF}")
    }

    @Test func keysCompareByTheirDecodedBytes() throws {
        var reader = JSONReader(bytes: Array(#"{"\u0068ost_id": 1, "h\u00e9": 2, "host": 3}"#.utf8))
        try reader.beginObject()
        let escaped = try #require(try reader.nextKey())
        #expect(escaped == "host_id")
        #expect(!(escaped == "host"))
        switch escaped {
        case "host": Issue.record("matched a shorter name")
        case "host_id": break
        default: Issue.record("did not match its own name")
        }
        _ = try reader.readInt()
        #expect(try reader.nextKey()?.string == "hé")
        _ = try reader.readInt()
        #expect(try reader.nextKey()?.string == "host")
        _ = try reader.readInt()
        #expect(try reader.nextKey() == nil)
        try reader.finish()
    }

    // MARK: Numbers

    @Test func integersAreExactToTheEdgesOfInt() throws {
        for (text, value) in [("9223372036854775807", Int.max), ("-9223372036854775808", Int.min), ("0", 0), ("-0", 0), ("100", 100)] {
            var reader = JSONReader(bytes: Array(text.utf8))
            #expect(try reader.readInt() == value, "\(text)")
        }
        for (text, reason) in [("9223372036854775808", JSONError.Reason.numberOutOfRange), ("-9223372036854775809", .numberOutOfRange),
                               ("123456789012345678901234567890", .numberOutOfRange), ("1.0", .notAnInteger), ("1e2", .notAnInteger)] {
            var reader = JSONReader(bytes: Array(text.utf8))
            #expect(throws: JSONError(reason, offset: 0, path: ""), "\(text)") { _ = try reader.readInt() }
        }
    }

    @Test(arguments: [
        ("12", 12), ("12.0", 12), ("1e2", 100), ("1E+2", 100), ("0.1e1", 1), ("10e-1", 1), ("-0.0", 0), ("1e-400", 0),
        ("100.0000000000000001", 100), ("9.2e18", 9_200_000_000_000_000_000),
        ("1.5", nil), ("1e-2", nil), ("9223372036854775807.0", nil), ("9223372036854775808", nil), ("1e19", nil), ("1e400", nil),
    ] as [(String, Int?)])
    func wholeNumbersAreReadAsFoundationReadsAnIntField(text: String, expected: Int?) throws {
        var reader = JSONReader(bytes: Array(text.utf8))
        #expect(try reader.readNumber().wholeNumber == expected)
    }

    @Test(arguments: [
        ("12.5", 12.5), ("-0", -0.0), ("63.0", 63), ("1e308", 1e308), ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("1e-320", Double("1e-320")), ("4.9e-324", .leastNonzeroMagnitude), ("0e999", 0), ("0.000e-999", 0),
        ("12345678901234567890123", 1.2345678901234568e22), ("1e400", nil), ("-1e400", nil), ("1.7976931348623159e308", nil),
        ("1e-400", nil), ("2.4e-324", nil),
    ] as [(String, Double?)])
    func doublesBeyondTheirRangeAreRefusedNotRounded(text: String, expected: Double?) throws {
        var reader = JSONReader(bytes: Array(text.utf8))
        let value = try reader.readNumber().double
        #expect(value == expected)
        #expect(value?.sign == expected?.sign)
    }

    /// The fast path must give the standard library's correctly rounded answer.
    @Test func doublesMatchTheStandardLibraryDigitForDigit() throws {
        var random = SplitMix64(seed: 0xD0_0B1E)
        for _ in 0..<20_000 {
            var text = random.oneIn(4) ? "-" : ""
            let integerDigits = Int.random(in: 1...18, using: &random)
            text += String(Int.random(in: 1...9, using: &random))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &random)) }
            if random.oneIn(2) {
                text += "."
                for _ in 0..<Int.random(in: 1...18, using: &random) { text += String(Int.random(in: 0...9, using: &random)) }
            }
            if random.oneIn(2) {
                text += random.pick(["e", "E", "e+", "e-", "E-"]) + String(Int.random(in: 0...40, using: &random))
            }
            var reader = JSONReader(bytes: Array(text.utf8))
            let number = try reader.readNumber()
            let expected = try #require(Double(text))
            #expect(number.nearestDouble.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    // MARK: Refusals

    @Test(arguments: [
        ("", JSONError.Reason.empty), (" \n\t ", .empty),
        ("{", .unexpectedEnd), ("[1,", .unexpectedEnd), (#"{"a":"#, .unexpectedEnd), (#""abc"#, .unexpectedEnd),
        ("tru", .unexpectedEnd), ("nul", .unexpectedEnd), ("-", .unexpectedEnd), ("1.", .unexpectedEnd), ("1e", .unexpectedEnd),
        ("trux", .unexpectedByte(UInt8(ascii: "x"))), ("nulll", .trailingContent), ("True", .unexpectedByte(UInt8(ascii: "T"))),
        ("NaN", .unexpectedByte(UInt8(ascii: "N"))), ("Infinity", .unexpectedByte(UInt8(ascii: "I"))),
        ("-Infinity", .malformedNumber), ("[NaN]", .unexpectedByte(UInt8(ascii: "N"))),
        ("01", .leadingZero), ("-01", .leadingZero), ("00", .leadingZero), ("[00.5]", .leadingZero),
        ("+1", .unexpectedByte(UInt8(ascii: "+"))), (".5", .unexpectedByte(UInt8(ascii: "."))), ("-.5", .malformedNumber),
        ("1.e5", .malformedNumber), ("1e+", .unexpectedEnd), ("[1e+]", .malformedNumber), ("--1", .malformedNumber),
        ("0x10", .trailingContent), ("1 2", .trailingContent), ("{} x", .trailingContent), ("[]]", .trailingContent),
        ("{}}", .trailingContent), ("\"a\" \"b\"", .trailingContent), ("{}\u{0C}", .trailingContent), ("{}\u{A0}", .trailingContent),
        ("[1,]", .trailingComma), (#"{"a":1,}"#, .trailingComma), ("[1,\n ]", .trailingComma), ("[,1]", .unexpectedByte(UInt8(ascii: ","))),
        ("[1 2]", .unexpectedByte(UInt8(ascii: "2"))), (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"))),
        (#"{"a":1 "b":2}"#, .unexpectedByte(UInt8(ascii: "\""))), ("{1:2}", .unexpectedByte(UInt8(ascii: "1"))),
        ("{'a':1}", .unexpectedByte(UInt8(ascii: "'"))), (#"{"a":1]"#, .unexpectedByte(UInt8(ascii: "]"))), ("[1}", .unexpectedByte(UInt8(ascii: "}"))),
        ("[1] // note", .trailingContent), ("[1 /* note */]", .unexpectedByte(UInt8(ascii: "/"))),
        ("\"a\u{01}b\"", .unescapedControlCharacter), ("\"tab\there\"", .unescapedControlCharacter), ("\"line\nbreak\"", .unescapedControlCharacter),
        (#""\x""#, .invalidEscape), (#""\U0041""#, .invalidEscape), (#""\u12G4""#, .invalidEscape), (#""\u12""#, .invalidEscape),
        (#""\'""#, .invalidEscape), (#""\u""#, .invalidEscape),
        (#""\ud800""#, .loneSurrogate), (#""\udc00""#, .loneSurrogate), (#""\ud800\u0041""#, .loneSurrogate),
        (#""\ud800abcdef""#, .loneSurrogate), (#""\udbff\udbff""#, .loneSurrogate), (#""\ude00\ud83d""#, .loneSurrogate),
    ])
    func refusesWhatIsNotJSON(text: String, expected: JSONError.Reason) {
        #expect(Self.reason(text) == expected)
    }

    @Test(arguments: [
        [0x22, 0xC3, 0x28, 0x22], // a lead byte without its continuation
        [0x22, 0x80, 0x22], // a stray continuation byte
        [0x22, 0xC0, 0xAF, 0x22], // an overlong '/'
        [0x22, 0xE0, 0x80, 0xAF, 0x22], // an overlong three-byte form
        [0x22, 0xED, 0xA0, 0x80, 0x22], // an encoded surrogate
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
        [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], // a five-byte form
        [0x22, 0xFF, 0x22], [0x22, 0xFE, 0x22],
        [0x22, 0xE2, 0x82, 0x22], // cut short by the closing quote
        [0x22, 0xF0, 0x9F, 0x98], // cut short by the end of input
    ] as [[UInt8]])
    func refusesInvalidUTF8InsideStrings(bytes: [UInt8]) {
        #expect(Self.reason(bytes) == .invalidUTF8)
        #expect(Self.reason(Array(#"{"skipped": ["#.utf8) + bytes + Array("]}".utf8)) != nil)
    }

    @Test func refusesInvalidUTF8InsideAKey() {
        #expect(Self.reason(Array(#"{""#.utf8) + [0xC3, 0x28] + Array(#"": 1}"#.utf8)) == .invalidUTF8)
    }

    @Test func refusesNonASCIIBytesOutsideStrings() {
        #expect(Self.reason([0x5B, 0xC3, 0xA9, 0x5D]) == .unexpectedByte(0xC3))
        #expect(Self.reason(Array("[1]".utf8) + [0x00]) == .trailingContent)
        #expect(Self.reason([0x00] + Array("[1]".utf8)) == .unexpectedByte(0))
    }

    @Test func readsUpToTheDepthLimitAndRefusesOneMore() {
        let limit = JSONReader.defaultDepthLimit
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"a":["#, count: depth / 2) + (depth % 2 == 1 ? "{}" : "0") + String(repeating: "]}", count: depth / 2)
        }
        #expect(Self.reason(nested(limit)) == nil)
        #expect(Self.reason(nested(limit + 1)) == .tooDeep(limit: limit))
        #expect(Self.reason(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) == nil)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let opening = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(Self.reason(opening) == .tooDeep(limit: JSONReader.defaultDepthLimit))
        #expect(Self.reason(Array(String(repeating: #"{"a":"#, count: 200_000).utf8)) == .tooDeep(limit: JSONReader.defaultDepthLimit))
        var shallow = JSONReader(bytes: Array("[[[1]]]".utf8), depthLimit: 2)
        #expect(throws: JSONError(.tooDeep(limit: 2), offset: 2, path: "[0][0]")) { try shallow.skipValue() }
    }

    @Test func aSecondTopLevelValueIsRefusedEvenWhenReadOnPurpose() throws {
        var reader = JSONReader(bytes: Array("1 2".utf8))
        #expect(try reader.readInt() == 1)
        #expect(throws: JSONError(.trailingContent, offset: 2, path: "")) { _ = try reader.readInt() }
    }

    // MARK: Errors say where

    @Test func aWrongKindIsNamedByItsPath() throws {
        var reader = JSONReader(bytes: Array(#"{"guests": [{"vmid": 101}, {"vmid": "x"}]}"#.utf8))
        try reader.beginObject()
        #expect(try reader.nextKey()?.string == "guests")
        try reader.beginArray()
        var caught: JSONError?
        do {
            while try reader.nextElement() {
                try reader.beginObject()
                while try reader.nextKey() != nil { _ = try reader.readInt() }
            }
        } catch {
            caught = error
        }
        #expect(caught == JSONError(.mismatch(expected: .number, found: .string), offset: 36, path: "guests[1].vmid"))
        #expect(caught?.isSyntaxError == false)
        #expect(caught?.description == "expected a number, found a string at byte 36 (guests[1].vmid)")
    }

    @Test func aSyntaxErrorInsideASkippedValueIsNamedByItsPath() {
        #expect(throws: JSONError(.loneSurrogate, offset: 36, path: #"spec.disks[1].l"abel"#)) {
            try Self.validate(#"{"spec": {"disks": [1, {"l\"abel": "\udc00"}]}}"#)
        }
        #expect(throws: JSONError(.invalidEscape, offset: 11, path: "")) {
            try Self.validate(#"{"a": 1, "b\q": 2}"#)
        }
    }
}
