/// ``JSONValue`` written as ``WireJSON`` writes it (keys in byte order, slashes not
/// escaped, whole numbers without a fraction), byte for byte, without an encoder: every
/// recorded event writes its payload this way, and after an outage that is thousands in a
/// row. Fractional numbers, rare in what the hub stores, still go through the encoder so
/// their digits stay exactly the encoder's.
extension JSONValue {
    func write(into text: inout String) throws {
        switch self {
        case .null:
            text += "null"
        case .bool(let value):
            text += value ? "true" : "false"
        case .number(let value):
            if let whole = Self.wholeNumber(value) {
                text += String(whole)
            } else {
                text += String(decoding: try WireJSON.makeEncoder().encode(value), as: UTF8.self)
            }
        case .string(let value):
            Self.write(value, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                try item.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { text += "," }
                Self.write(key, into: &text)
                text += ":"
                try members[key]!.write(into: &text)
            }
            text += "}"
        }
    }

    /// The numbers ``encode(to:)`` writes as integers.
    static func wholeNumber(_ value: Double) -> Int64? {
        value.rounded() == value && abs(value) < 1e15 ? Int64(value) : nil
    }

    static func write(_ string: String, into text: inout String) {
        text += "\""
        // Only ASCII bytes are ever escaped, and no byte of a longer UTF-8 sequence is
        // ASCII, so a string without such bytes goes in whole.
        if string.utf8.contains(where: { escape($0) != nil }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(string.utf8.count + 16)
            for byte in string.utf8 {
                if let escaped = escape(byte) { bytes += escaped.utf8 } else { bytes.append(byte) }
            }
            text += String(decoding: bytes, as: UTF8.self)
        } else {
            text += string
        }
        text += "\""
    }

    private static func escape(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case UInt8(ascii: "\n"): "\\n"
        case UInt8(ascii: "\r"): "\\r"
        case UInt8(ascii: "\t"): "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        case 0..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        default: nil
        }
    }
}

extension WireJSON {
    /// `value` as the hub's JSON; the same text as the generic ``encodeString(_:)``, faster.
    public static func encodeString(_ value: JSONValue) throws -> String {
        var text = ""
        try value.write(into: &text)
        return text
    }
}
