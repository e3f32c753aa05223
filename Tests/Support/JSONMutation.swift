/// Near misses of a JSON text, made a byte at a time: cut short, a byte changed, junk
/// put in, a piece dropped or doubled. Differential tests feed them to two parsers that
/// must judge them alike; the junk is what breaks JSON in interesting ways (a comma
/// before a bracket, half an escape, a lone surrogate, a stray UTF-8 byte).
package enum JSONMutation {
    static let junk: [[UInt8]] = [
        ",", "]", "}", "[", "{", ":", "\"", "\\", "0", "-", "+", "e", "E", ".", "1", " ", "\n", "\t",
        "tru", "null", "NaN", "Infinity", "\\u", "\\ud800", "\\udc00", "\\u00e9", "\\x", "01", "1e400", "1e-400",
        "/*", "//", "'", ",]", ",}", "\"\":", "[[[", "]]]",
    ].map { Array($0.utf8) } + [
        [0x00], [0x01], [0x1F], [0x7F], [0x80], [0xBF], [0xC0, 0xAF], [0xC3], [0xC3, 0xA9], [0xE2, 0x82],
        [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0xFF], [0xFE],
    ]

    /// `bytes` with one change, chosen by `random`.
    package static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty else { return random.pick(junk) }
        var bytes = bytes
        let position = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0:
            bytes.removeSubrange(position...)
        case 1:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 2:
            bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
        case 3, 4:
            bytes.insert(contentsOf: random.pick(junk), at: position)
        case 5:
            bytes.remove(at: position)
        case 6:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.removeSubrange(position..<end)
        case 7:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: end)
        default:
            // A comma before a closing bracket: the one near miss Foundation accepts.
            let closers = bytes.indices.filter { bytes[$0] == UInt8(ascii: "]") || bytes[$0] == UInt8(ascii: "}") }
            if !closers.isEmpty { bytes.insert(UInt8(ascii: ","), at: random.pick(closers)) }
        }
        return bytes
    }
}
