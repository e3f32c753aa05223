extension JSONReader {
    /// Records the key of the member just begun in the current object, whose
    /// characters lie at `key` and whose opening quote is at `quote`; refuses it when
    /// the object already has a member of that name. Called once the frame's
    /// `keyOffset` is set, so that the error's path ends with the key.
    ///
    /// The common case, a plain key in a small object whose fingerprint matches none
    /// before it, is kept short enough to inline; the rest is ``noteKeyCarefully(_:quote:)``.
    @inline(__always)
    mutating func noteKey(_ key: JSONStringSpan, quote: Int) throws(JSONError) {
        guard current.count <= OpenObjectKeys.smallObjectLimit, !key.hasEscapes else {
            return try noteKeyCarefully(key, quote: quote)
        }
        let fingerprint = bytes.withUnsafeBufferPointer { OpenObjectKeys.fingerprint(of: key.content, in: $0) }
        guard openKeys.firstMatch(of: fingerprint, from: current.firstKey) == nil else {
            return try noteKeyCarefully(key, quote: quote)
        }
        openKeys.append(OpenObjectKeys.Mark(fingerprint: fingerprint, quote: quote))
    }

    /// ``noteKey(_:quote:)`` for an escaped key, a key whose fingerprint another key of
    /// its object shares, and any key of a large object.
    @inline(never)
    mutating func noteKeyCarefully(_ key: JSONStringSpan, quote: Int) throws(JSONError) {
        let limit = OpenObjectKeys.smallObjectLimit
        let decoded = decodedKey(key)
        if current.count <= limit {
            let fingerprint = decoded.utf8.withUnsafeBufferPointer { OpenObjectKeys.fingerprint(of: 0..<$0.count, in: $0) }
            var from = current.firstKey
            while let match = openKeys.firstMatch(of: fingerprint, from: from) {
                if decodedKey(at: openKeys.quote(at: match)) == decoded { throw failure(.duplicateKey, at: quote) }
                from = match + 1
            }
            openKeys.append(OpenObjectKeys.Mark(fingerprint: fingerprint, quote: quote))
            return
        }
        let depth = enclosing.count
        if current.count == limit + 1 {
            var keys = Set<JSONKey>(minimumCapacity: 4 * limit)
            for index in current.firstKey..<openKeys.count {
                if let earlier = decodedKey(at: openKeys.quote(at: index)) { keys.insert(earlier) }
            }
            openKeys.truncate(to: current.firstKey)
            openKeys.largeObjects[depth] = keys
        }
        guard openKeys.largeObjects[depth, default: []].insert(decoded).inserted else {
            throw failure(.duplicateKey, at: quote)
        }
    }

    /// Drops the keys of the current object, which is being closed.
    @inline(__always)
    mutating func forgetKeys() {
        if current.count > OpenObjectKeys.smallObjectLimit { forgetLargeObjectKeys() }
        openKeys.truncate(to: current.firstKey)
    }

    @inline(never)
    private mutating func forgetLargeObjectKeys() {
        openKeys.largeObjects[enclosing.count] = nil
    }

    /// The key whose characters lie at `span`, escapes decoded.
    @inline(__always)
    func decodedKey(_ span: JSONStringSpan) -> JSONKey {
        span.hasEscapes ? JSONKey(utf8: ArraySlice(unescaped(span.content))) : JSONKey(utf8: bytes[span.content])
    }

    /// The key whose opening quote is at `quote`, read again; it was validated when
    /// first read, so `nil` does not happen.
    private func decodedKey(at quote: Int) -> JSONKey? {
        var copy = self
        copy.offset = quote
        guard let span = try? copy.scanString(isKey: true) else { return nil }
        return decodedKey(span)
    }
}
