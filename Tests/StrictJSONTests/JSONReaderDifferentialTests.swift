import Foundation
import HubTestSupport
import StrictJSON
import Testing

/// The reader against Foundation's `JSONSerialization` on thousands of generated texts
/// and near misses of them: whatever one accepts the other must accept, with the same
/// values, and whatever one refuses the other must refuse.
///
/// Five differences are deliberate, and each is excused only by repairing the text
/// and finding the two agree on the repaired one:
/// - a comma before `]` or `}`: Foundation accepts it, RFC 8259 does not, nor does the reader;
/// - a number beyond `Double` (`1e400`): Foundation refuses it when it builds a value; the
///   reader accepts the literal, which is valid JSON, and leaves its range to the field
///   that reads it (``JSONNumber/double`` refuses it there, as `JSONDecoder` does);
/// - UTF-16 and UTF-32 texts, which Foundation detects and converts: the hub reads
///   UTF-8 only;
/// - a key its object already has: Foundation keeps the last member, the reader refuses
///   the text (other programs keep the first). Excused when a walk over the text that
///   shares nothing with the reader finds the key earlier in the same object;
/// - U+0000 in a string or key: Foundation keeps it, the reader refuses it (SQLite and C
///   strings would cut it short). Excused when the reader stopped at a `\u0000` escape.
///
/// One difference is Foundation's alone: `JSONSerialization` drops a raw U+FEFF that
/// starts a string or follows an escape in one, where `JSONDecoder` and the reader keep
/// it; strings are compared without it (``JSONReaderTests`` checks the reader against
/// `JSONDecoder` there).
@Suite struct JSONReaderDifferentialTests {
    static let documents = 4000
    static let mutationsPerDocument = 4

    @Test func agreesWithJSONSerializationOnGeneratedAndMutatedTexts() {
        var generator = JSONTextGenerator(seed: 0x0005_EED0_F1D0)
        var tally = Tally()
        for index in 0..<Self.documents {
            let document = generator.document()
            tally.record(Self.compare(document), index: index, bytes: document)
            for _ in 0..<Self.mutationsPerDocument {
                var mutated = document
                for _ in 0...Int.random(in: 0...2, using: &generator.random) {
                    mutated = JSONMutation.mutate(mutated, using: &generator.random)
                }
                tally.record(Self.compare(mutated), index: index, bytes: mutated)
            }
        }
        #expect(tally.disagreements.isEmpty, "\(tally.disagreements.count) disagreements, first: \(tally.disagreements.prefix(5))")
        // The cases must exercise both verdicts and each excuse, or the test proves little.
        #expect(tally.bothAccepted > 4000)
        #expect(tally.bothRefused > 8000)
        #expect(tally.excusedTrailingCommas > 50)
        #expect(tally.excusedHugeNumbers > 50)
        #expect(tally.excusedDuplicateKeys > 50)
        #expect(tally.excusedNuls > 50)
    }

    @Test(arguments: [510, 511, 512, 513, 600])
    func agreesOnTheDepthLimit(depth: Int) {
        let text = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        #expect(Self.compare(text) == .bothRefused || Self.compare(text) == .bothAccepted)
    }

    enum Verdict: Equatable {
        case bothAccepted
        case bothRefused
        case excusedTrailingComma
        case excusedHugeNumber
        case excusedEncoding
        case excusedDuplicateKey
        case excusedNul
        case disagreement(String)

        /// Whether the two agree on a repaired text, or on what is left after a further excused difference.
        var isAgreementOnAcceptedText: Bool {
            switch self {
            case .bothAccepted, .excusedTrailingComma, .excusedHugeNumber, .excusedDuplicateKey, .excusedNul: true
            case .bothRefused, .excusedEncoding, .disagreement: false
            }
        }
    }

    struct Tally {
        var bothAccepted = 0
        var bothRefused = 0
        var excusedTrailingCommas = 0
        var excusedHugeNumbers = 0
        var excusedDuplicateKeys = 0
        var excusedNuls = 0
        var disagreements: [String] = []

        mutating func record(_ verdict: Verdict, index: Int, bytes: [UInt8]) {
            switch verdict {
            case .bothAccepted: bothAccepted += 1
            case .bothRefused: bothRefused += 1
            case .excusedTrailingComma: excusedTrailingCommas += 1
            case .excusedHugeNumber: excusedHugeNumbers += 1
            case .excusedEncoding: break
            case .excusedDuplicateKey: excusedDuplicateKeys += 1
            case .excusedNul: excusedNuls += 1
            case .disagreement(let why):
                disagreements.append("document \(index): \(why): \(bytes.map { String($0, radix: 16) }.joined(separator: " ").prefix(400))")
            }
        }
    }

    static func compare(_ bytes: [UInt8]) -> Verdict {
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
        let reader: Result<Tree, JSONError> = Result { () throws(JSONError) in
            var reader = JSONReader(bytes: bytes)
            let tree = try Tree.read(&reader)
            try reader.finish()
            return tree
        }
        switch (reader, foundation) {
        case (.success(let tree), .some(let value)):
            let theirs = Tree(foundation: value)
            return tree == theirs ? .bothAccepted : .disagreement("different values: reader \(tree), Foundation \(theirs)")
        case (.failure, nil):
            return .bothRefused
        case (.failure(let error), .some):
            if error.reason == .trailingComma, let comma = bytes[..<error.offset].lastIndex(of: UInt8(ascii: ",")) {
                var repaired = bytes
                repaired.remove(at: comma)
                let verdict = compare(repaired)
                return verdict.isAgreementOnAcceptedText ? .excusedTrailingComma : .disagreement("trailing comma, then \(verdict)")
            }
            if error.reason == .duplicateKey {
                return excuseDuplicateKey(at: error.offset, in: bytes)
            }
            if case .nulCharacter = error.reason {
                return excuseNul(at: error.offset, in: bytes)
            }
            if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
                return .excusedEncoding
            }
            return .disagreement("reader refused (\(error)), Foundation accepted")
        case (.success(let tree), nil):
            if tree.hasHugeNumber {
                let repaired = Array(tree.text(replacingHugeNumbers: true).utf8)
                return compare(repaired) == .bothAccepted ? .excusedHugeNumber : .disagreement("huge number, then disagreement")
            }
            return .disagreement("reader accepted, Foundation refused")
        }
    }

    /// The reader refused the key whose opening quote is at `offset` as one its object
    /// already has. The witness is ``earlierKeys(ofObjectWithKeyAt:in:)``, a walk over
    /// the text that shares nothing with the reader; the text with the key renamed must
    /// then be judged alike.
    static func excuseDuplicateKey(at offset: Int, in bytes: [UInt8]) -> Verdict {
        guard let (key, earlier) = earlierKeys(ofObjectWithKeyAt: offset, in: bytes), earlier.contains(key) else {
            return .disagreement("duplicate key refused at \(offset), but its object has no earlier member of that name")
        }
        var repaired = bytes
        repaired.replaceSubrange(offset..<(offset + key.literalCount), with: Array(#""renamed \#(offset)""#.utf8))
        // Foundation never checks a member it drops for a later one of the same name, so
        // the renamed text may show it what is not JSON, and both then refuse it.
        let verdict = compare(repaired)
        return verdict.isAgreementOnAcceptedText || verdict == .bothRefused ? .excusedDuplicateKey : .disagreement("duplicate key, then \(verdict)")
    }

    /// A key as the witness sees it: its decoded bytes, and how long it is as written.
    struct WrittenKey: Equatable {
        let decoded: [UInt8]
        let literalCount: Int

        static func == (lhs: WrittenKey, rhs: WrittenKey) -> Bool { lhs.decoded == rhs.decoded }
    }

    /// The key whose opening quote is at `offset` and the keys before it in its object,
    /// found by a walk over a text Foundation accepted: strings are stepped over escape by
    /// escape and decoded by `JSONSerialization`; a string followed by a colon is a key.
    static func earlierKeys(ofObjectWithKeyAt offset: Int, in bytes: [UInt8]) -> (WrittenKey, [WrittenKey])? {
        var objects: [[WrittenKey]?] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): objects.append([])
            case UInt8(ascii: "["): objects.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = objects.popLast()
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                guard end < bytes.count else { return nil }
                var next = end + 1
                while next < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"), let last = objects.indices.last, objects[last] != nil {
                    let literal = Data(bytes[index...end])
                    guard let text = try? JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String else { return nil }
                    let key = WrittenKey(decoded: Array(text.utf8), literalCount: end - index + 1)
                    if index == offset { return (key, objects[last]!) }
                    objects[last]!.append(key)
                }
                index = end
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The reader refused the `\u0000` escape at `offset`. The witness is the text: a
    /// `\u0000` there, after an even number of backslashes (so not an escaped backslash
    /// followed by `u0000`); made `\u0001`, the text must then agree.
    static func excuseNul(at offset: Int, in bytes: [UInt8]) -> Verdict {
        let backslashesBefore = bytes[..<offset].reversed().prefix { $0 == UInt8(ascii: "\\") }.count
        guard offset + 6 <= bytes.count, Array(bytes[offset..<offset + 6]) == Array(#"\u0000"#.utf8), backslashesBefore % 2 == 0 else {
            return .disagreement("U+0000 refused at \(offset), where the text has no \\u0000 escape")
        }
        var repaired = bytes
        repaired[offset + 5] = UInt8(ascii: "1")
        let verdict = compare(repaired)
        return verdict.isAgreementOnAcceptedText ? .excusedNul : .disagreement("U+0000, then \(verdict)")
    }
}

/// A JSON value as both parsers see it, for comparing their readings: numbers as
/// `Double` (Foundation has no other common form; booleans become 1 and 0 there too).
indirect enum Tree: Equatable, CustomStringConvertible {
    case null
    case number(Double, literal: String)
    case string(String)
    case array([Tree])
    case object([String: Tree])

    static func read(_ reader: inout JSONReader) throws(JSONError) -> Tree {
        switch try reader.peekKind() {
        case .null:
            try reader.readNull()
            return .null
        case .bool:
            return .number(try reader.readBool() ? 1 : 0, literal: "")
        case .number:
            let number = try reader.readNumber()
            return .number(number.nearestDouble, literal: number.description)
        case .string:
            return .string(try reader.readString())
        case .array:
            var elements: [Tree] = []
            try reader.beginArray()
            while try reader.nextElement() { elements.append(try read(&reader)) }
            return .array(elements)
        case .object:
            var members: [String: Tree] = [:]
            try reader.beginObject()
            while let key = try reader.nextKey() { members[key.string] = try read(&reader) }
            return .object(members)
        }
    }

    init(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let string as String: self = .string(string)
        case let number as NSNumber: self = .number(number.doubleValue, literal: "")
        case let array as [Any]: self = .array(array.map(Tree.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(Tree.init(foundation:)))
        default: self = .string("unexpected \(type(of: value))")
        }
    }

    /// Equal strings by their bytes (not by canonical equivalence) but for U+FEFF, equal
    /// numbers to within rounding: Foundation keeps long integers as `Decimal`, whose
    /// `Double` may differ in the last place from a correctly rounded one.
    static func == (lhs: Tree, rhs: Tree) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.number(let a, _), .number(let b, _)): a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        case (.string(let a), .string(let b)): withoutByteOrderMarks(a) == withoutByteOrderMarks(b)
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && a.allSatisfy { key, value in b.first { Array($0.key.utf8) == Array(key.utf8) }?.value == value }
        default: false
        }
    }

    static func withoutByteOrderMarks(_ string: String) -> [UInt8] {
        Array(string.unicodeScalars.filter { $0 != "\u{FEFF}" }.map(String.init).joined().utf8)
    }

    var hasHugeNumber: Bool {
        switch self {
        case .number(let value, _): !value.isFinite
        case .array(let elements): elements.contains { $0.hasHugeNumber }
        case .object(let members): members.values.contains { $0.hasHugeNumber }
        default: false
        }
    }

    /// The value written back as JSON, huge numbers as 0 when asked.
    func text(replacingHugeNumbers: Bool) -> String {
        switch self {
        case .null: return "null"
        case .number(let value, let literal): return replacingHugeNumbers && !value.isFinite ? "0" : (literal.isEmpty ? (value == 1 ? "true" : "false") : literal)
        case .string(let string): return Self.quoted(string)
        case .array(let elements): return "[" + elements.map { $0.text(replacingHugeNumbers: replacingHugeNumbers) }.joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.text(replacingHugeNumbers: replacingHugeNumbers) }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    var description: String { text(replacingHugeNumbers: false) }
}
