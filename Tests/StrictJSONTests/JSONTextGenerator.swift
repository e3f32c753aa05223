import HubTestSupport

/// Random JSON texts that are valid, in the forms that stress a parser: whitespace
/// wherever it may go, every escape, surrogate pairs, raw multi-byte UTF-8, numbers
/// from `-0` to `1e400`, duplicate keys, empty and nested containers.
struct JSONTextGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func document() -> [UInt8] {
        var bytes: [UInt8] = []
        whitespace(into: &bytes)
        value(depth: random.oneIn(10) ? 4 : 0, into: &bytes)
        whitespace(into: &bytes)
        return bytes
    }

    mutating func value(depth: Int, into bytes: inout [UInt8]) {
        let choice = depth > 5 ? Int.random(in: 2..<8, using: &random) : Int.random(in: 0..<8, using: &random)
        switch choice {
        case 0, 1:
            bytes.append(UInt8(ascii: "{"))
            let count = Int.random(in: 0...4, using: &random)
            for index in 0..<count {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                whitespace(into: &bytes)
                key(into: &bytes)
                whitespace(into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                whitespace(into: &bytes)
                value(depth: depth + 1, into: &bytes)
                whitespace(into: &bytes)
            }
            if count == 0 { whitespace(into: &bytes) }
            bytes.append(UInt8(ascii: "}"))
        case 2:
            bytes.append(UInt8(ascii: "["))
            let count = Int.random(in: 0...4, using: &random)
            for index in 0..<count {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                whitespace(into: &bytes)
                value(depth: depth + 1, into: &bytes)
                whitespace(into: &bytes)
            }
            if count == 0 { whitespace(into: &bytes) }
            bytes.append(UInt8(ascii: "]"))
        case 3, 4:
            string(into: &bytes)
        case 5, 6:
            number(into: &bytes)
        default:
            bytes += Array(random.pick(["true", "false", "null"]).utf8)
        }
    }

    mutating func whitespace(into bytes: inout [UInt8]) {
        guard random.oneIn(3) else { return }
        bytes += Array(random.pick([" ", "  ", "\n", "\t", "\r\n", " \n\t\r "]).utf8)
    }

    /// Keys from a small pool, so that duplicates occur, some spelled with escapes.
    mutating func key(into bytes: inout [UInt8]) {
        bytes += Array(random.pick([#""a""#, #""b""#, #""\u0061""#, #""host_id""#, #""""#, #""é""#, #""\u00e9""#, #""k\n""#]).utf8)
    }

    mutating func string(into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                bytes += Array(random.pick([#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#]).utf8)
            case 1:
                let unit = random.pick([UInt16(0x0000), 0x001F, 0x0041, 0x00E9, 0x2028, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, UInt16.random(in: 0...0xD7FF, using: &random)])
                bytes += Array(hexEscape(unit).utf8)
            case 2:
                let high = UInt16.random(in: 0xD800...0xDBFF, using: &random)
                let low = UInt16.random(in: 0xDC00...0xDFFF, using: &random)
                bytes += Array((hexEscape(high) + hexEscape(low)).utf8)
            case 3:
                bytes += Array(random.pick(["é", "€", "😀", "\u{7F}", "\u{FFFF}", "\u{10FFFF}", "\u{2028}", "日本"]).utf8)
            default:
                bytes.append(UInt8.random(in: 0x20...0x7E, using: &random))
                if bytes.last == UInt8(ascii: "\"") || bytes.last == UInt8(ascii: "\\") { bytes.removeLast() }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func hexEscape(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: random.oneIn(2))
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    mutating func number(into bytes: inout [UInt8]) {
        var text = random.oneIn(3) ? "-" : ""
        if random.oneIn(4) {
            text += "0"
        } else {
            text += String(Int.random(in: 1...9, using: &random))
            for _ in 0..<Int.random(in: 0...(random.oneIn(8) ? 30 : 6), using: &random) {
                text += String(Int.random(in: 0...9, using: &random))
            }
        }
        if random.oneIn(3) {
            text += "."
            for _ in 0..<Int.random(in: 1...8, using: &random) { text += String(Int.random(in: 0...9, using: &random)) }
        }
        if random.oneIn(4) {
            text += random.pick(["e", "E", "e+", "e-", "E+", "E-"])
            text += String(random.oneIn(10) ? Int.random(in: 300...500, using: &random) : Int.random(in: 0...30, using: &random))
        }
        bytes += Array(text.utf8)
    }
}
