/// ``JSONValue`` written as ``WireJSON`` writes it (keys in byte order, slashes not
/// escaped, whole numbers without a fraction), byte for byte, without an encoder: every
/// recorded event writes its payload this way, and after an outage that is thousands in a
/// row. Fractional numbers, rare in what the hub stores, still go through the encoder so
/// their digits stay exactly the encoder's.
extension JSONValue {
    func write(into bytes: inout [UInt8]) throws {
        switch self {
        case .null:
            bytes += "null".utf8
        case .bool(let value):
            bytes += (value ? "true" : "false").utf8
        case .number(let value):
            if let whole = Self.wholeNumber(value) {
                bytes += String(whole).utf8
            } else {
                bytes += try WireJSON.makeEncoder().encode(value)
            }
        case .string(let value):
            Self.write(value, into: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try item.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.write(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try members[key]!.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The numbers ``encode(to:)`` writes as integers.
    static func wholeNumber(_ value: Double) -> Int64? {
        value.rounded() == value && abs(value) < 1e15 ? Int64(value) : nil
    }

    static func write(_ string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Only ASCII bytes are ever escaped, and no byte of a longer UTF-8 sequence is
        // ASCII, so a string without such bytes goes in whole.
        if string.utf8.contains(where: needsEscape) {
            for byte in string.utf8 {
                if needsEscape(byte) { appendEscaped(byte, to: &bytes) } else { bytes.append(byte) }
            }
        } else {
            bytes += string.utf8
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        bytes.append(UInt8(ascii: "\\"))
        if let short {
            bytes.append(short)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            bytes += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
}

extension WireJSON {
    /// `value` as the hub's JSON; the same text as the generic ``encodeString(_:)``, faster.
    package static func encodeString(_ value: JSONValue) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try value.write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
