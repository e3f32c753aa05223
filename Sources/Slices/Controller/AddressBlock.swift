/// A range of addresses written as a prefix and its length (`10.0.0.0/8`, `fe80::/10`).
struct AddressBlock: Sendable {
    let prefix: IPAddress
    let length: Int

    /// `text` is `address/length`; a malformed one is a programming error.
    init(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefix = IPAddress(text: String(parts[0])), let length = Int(parts[1]),
              (0...prefix.bytes.count * 8).contains(length)
        else { preconditionFailure("not an address block: \(text)") }
        self.prefix = prefix
        self.length = length
    }

    /// Whether `address` (of the same family) starts with the block's first `length` bits.
    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == prefix.bytes.count else { return false }
        var remaining = length
        for (byte, prefixByte) in zip(address.bytes, prefix.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xff << (8 - bits))
            if byte & mask != prefixByte & mask { return false }
            remaining -= bits
        }
        return true
    }
}
