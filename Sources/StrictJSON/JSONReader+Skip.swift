extension JSONReader {
    /// Steps over the next value whatever it is, validating all of it: a field the
    /// caller does not know is still held to the grammar, so that a document is
    /// accepted only if all of it is JSON.
    ///
    /// Nested containers are walked with the reader's own frames rather than by
    /// recursion, so a deeply nested value costs no stack and ends at ``depthLimit``.
    package mutating func skipValue() throws(JSONError) {
        let floor = enclosing.count
        try stepIntoOrOver()
        while enclosing.count > floor {
            let more = current.isObject ? try advanceToKey() != nil : try nextElement()
            if more { try stepIntoOrOver() }
        }
    }

    /// Steps over a scalar, or into a container.
    private mutating func stepIntoOrOver() throws(JSONError) {
        switch try peekKind() {
        case .object: try open(isObject: true)
        case .array: try open(isObject: false)
        case .string: _ = try scanString()
        case .number: _ = try scanNumber()
        case .bool: try scanLiteral(bytes[offset] == UInt8(ascii: "t") ? "true" : "false")
        case .null: try scanLiteral("null")
        }
    }

    /// Reads the `null` that is the next value.
    package mutating func readNull() throws(JSONError) {
        try expect(.null)
        try scanLiteral("null")
    }
}
