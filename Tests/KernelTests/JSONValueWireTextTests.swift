import Foundation
import HubTestSupport
import Kernel
import Testing

/// The direct writer of ``JSONValue`` must produce exactly the encoder's bytes: stored
/// payloads are compared as text, and a differing byte would read as a changed value.
@Suite struct JSONValueWireTextTests {
    static let awkwardScalars: [Unicode.Scalar] = [
        "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}",
        "\u{2028}", "é", "😀", "a", "Z", "_", "1", " ",
    ]

    static func string(_ random: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            text.append(awkwardScalars.randomElement(using: &random)!)
        }
        return String(text)
    }

    static func number(_ random: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: Double(Int.random(in: -1000...1000, using: &random))
        case 1: Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &random))
        case 2: Double.random(in: -1e6...1e6, using: &random)
        case 3: [0.1, 1e15, 1e20, 1e-7, -0.0, 999_999_999_999_999, 1e15 + 1].randomElement(using: &random)!
        case 4: Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
        default: Double.random(in: 0...100, using: &random)
        }
    }

    static func value(_ random: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
        case 0: .null
        case 1: .bool(Bool.random(using: &random))
        case 2: .number(number(&random))
        case 3: .string(string(&random))
        case 4: .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(&random, depth: depth + 1) })
        default:
            .object(Dictionary(
                (0..<Int.random(in: 0...5, using: &random)).map { _ in (string(&random), value(&random, depth: depth + 1)) },
                uniquingKeysWith: { first, _ in first }
            ))
        }
    }

    static func encoderText(_ value: JSONValue) throws -> String {
        String(decoding: try WireJSON.makeEncoder().encode(value), as: UTF8.self)
    }

    @Test(arguments: 0..<20)
    func writesTheEncodersBytes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<250 {
            let value = Self.value(&random)
            #expect(try WireJSON.encodeString(value) == Self.encoderText(value), "seed \(seed): \(value)")
        }
    }

    @Test func anEventPayloadReadsAsExpected() throws {
        let payload = JSONValue.object(["last_seen_at": .string("2026-11-30T02:00:00.000Z"), "note": .string("a/b \"c\"\n"), "count": .number(3)])
        #expect(try WireJSON.encodeString(payload) == #"{"count":3,"last_seen_at":"2026-11-30T02:00:00.000Z","note":"a/b \"c\"\n"}"#)
    }

    @Test func numbersTheEncoderRefusesAreRefused() {
        #expect(throws: EncodingError.self) { try WireJSON.encodeString(JSONValue.number(.nan)) }
        #expect(throws: EncodingError.self) { try WireJSON.encodeString(JSONValue.array([.number(.infinity)])) }
    }
}
