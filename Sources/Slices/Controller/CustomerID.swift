/// The contract's customer id rule: `^[a-z0-9][a-z0-9-]{1,62}$`.
package enum CustomerID {
    package static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (2...63).contains(bytes.count) else { return false }
        func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...122).contains(byte) }
        return isLowerAlphanumeric(bytes[0]) && bytes.dropFirst().allSatisfy { isLowerAlphanumeric($0) || $0 == 45 }
    }
}
