import Foundation
import HubTestSupport
import StrictJSON
import Testing

/// What JSON allows and the reader refuses, because other programs reading the same
/// bytes would see something else: a key its object already has, and U+0000.
@Suite struct JSONReaderAmbiguityTests {
    static func refusal(_ text: String) -> JSONError? {
        do {
            try JSONReaderTests.validate(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Duplicate keys

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, JSONError(.duplicateKey, offset: 9, path: "a")),
        (#"{"a": 1, "b": 2, "a": 3}"#, JSONError(.duplicateKey, offset: 17, path: "a")),
        (#"{"host_id": "A", "host\u005fid": "B"}"#, JSONError(.duplicateKey, offset: 17, path: "host_id")),
        (#"{"\u00e9": 1, "é": 2}"#, JSONError(.duplicateKey, offset: 14, path: "é")),
        (#"{"": 1, "": 2}"#, JSONError(.duplicateKey, offset: 8, path: "")),
        (#"{"guests": [{"vmid": 1}, {"vmid": 2, "spec": {"cores": 2, "cores": 4}}]}"#,
         JSONError(.duplicateKey, offset: 58, path: "guests[1].spec.cores")),
        (#"[[{"x": {}, "x": []}]]"#, JSONError(.duplicateKey, offset: 12, path: "[0][0].x")),
    ])
    func aRepeatedKeyIsRefusedWhereItStandsAtAnyDepth(text: String, expected: JSONError) {
        #expect(Self.refusal(text) == expected, "\(text)")
    }

    @Test(arguments: [
        #"{"a": 1, "A": 2, "a ": 3, " a": 4, "b": {"a": 5}}"#,
        #"[{"a": 1}, {"a": 2}, {"a": {"a": {"a": 3}}}]"#,
        #"{"a": {"b": 1}, "b": {"a": 1}}"#,
        // Equal in their first and last eight bytes and their length, not in between.
        #"{"controller_version_one_two": 1, "controller_version_two_two": 2}"#,
        // Canonically equivalent, but different characters, as Python, JavaScript and Go see them.
        #"{"\u00e9": 1, "e\u0301": 2}"#,
    ])
    func keysThatDifferAreAllAccepted(text: String) {
        #expect(Self.refusal(text) == nil, "\(text)")
    }

    /// The reader compares the keys of a small object one by one and moves those of a
    /// large one into a set: a repeat is found on either side of that move.
    @Test(arguments: [2, 15, 16, 17, 18, 40, 1000])
    func aRepeatIsFoundInAnObjectOfAnySize(members: Int) {
        let keys = (0..<members).map { "key\($0)" }
        let distinct = "{" + keys.map { #""\#($0)": 0"# }.joined(separator: ", ") + "}"
        #expect(Self.refusal(distinct) == nil)
        for (first, second) in [(0, members - 1), (members - 2, members - 1), (members / 2, members - 1)] where first != second {
            var repeated = keys
            repeated[second] = keys[first]
            let text = "{" + repeated.map { #""\#($0)": {"inner": [\#(first)]}"# }.joined(separator: ", ") + "}"
            #expect(Self.refusal(text)?.reason == .duplicateKey, "\(members) members, key \(second) repeats key \(first)")
            #expect(Self.refusal(text)?.path == keys[first])
        }
    }

    /// An object's keys are forgotten when it closes: the same keys in the next object
    /// at the same depth, large or small, are no repeats.
    @Test func siblingObjectsMayShareTheirKeys() {
        let large = "{" + (0..<40).map { #""k\#($0)": [{"k0": 1}]"# }.joined(separator: ",") + "}"
        #expect(Self.refusal("[\(large), \(large), {\"k0\": 1}]") == nil)
        #expect(Self.refusal(#"[{"a": 1, "b": 2}, {"b": 3, "a": 4}]"#) == nil)
    }

    @Test func aHugeObjectOfDistinctKeysIsRead() {
        let text = "{" + (0..<100_000).map { #""\#($0)":0"# }.joined(separator: ",") + "}"
        #expect(Self.refusal(text) == nil)
    }

    @Test func aRepeatIsRefusedWhenTheCallerReadsTheMembersToo() throws {
        var reader = JSONReader(bytes: Array(#"{"a": 1, "a": 2}"#.utf8))
        try reader.beginObject()
        #expect(try reader.nextKey()?.string == "a")
        #expect(try reader.readInt() == 1)
        #expect(throws: JSONError(.duplicateKey, offset: 9, path: "a")) { _ = try reader.nextKey() }
    }

    // MARK: U+0000

    @Test(arguments: [
        (#""\u0000""#, JSONError(.nulCharacter(inKey: false), offset: 1, path: "")),
        (#"{"status": "running\u0000"}"#, JSONError(.nulCharacter(inKey: false), offset: 19, path: "status")),
        (#"{"skipped": [1, {"note": "a\u0000b"}]}"#, JSONError(.nulCharacter(inKey: false), offset: 27, path: "skipped[1].note")),
        (#"{"a\u0000": 1}"#, JSONError(.nulCharacter(inKey: true), offset: 3, path: "")),
        (#"{"spec": {"\u0000": 1}}"#, JSONError(.nulCharacter(inKey: true), offset: 11, path: "spec")),
    ])
    func nulIsRefusedInStringsAndKeys(text: String, expected: JSONError) {
        #expect(Self.refusal(text) == expected, "\(text)")
    }

    @Test(arguments: [#""\\u0000""#, #""\u0001\u0100\u1000""#, #""\ud800\udc00""#, #"{"\\u0000": "\\u0000"}"#])
    func textThatOnlyLooksLikeNulIsAccepted(text: String) {
        #expect(Self.refusal(text) == nil, "\(text)")
    }

    @Test func theRefusalsSayWhatIsWrong() {
        #expect(JSONError(.duplicateKey, offset: 9, path: "a").description == "duplicate key at byte 9 (a)")
        #expect(JSONError(.nulCharacter(inKey: false), offset: 1, path: "").description == "U+0000 in a string at byte 1")
        #expect(JSONError(.duplicateKey, offset: 9, path: "a").isSyntaxError == false)
    }
}
