import NIOCore

/// A strict RFC 8259 pull reader over the UTF-8 bytes of one JSON text.
///
/// It exists for the hot path: a body is read in one pass, member by member, into the
/// values the caller wants, with no tree in between and no `String` for a key it only
/// compares. The caller drives it the way the document is shaped:
///
/// ```swift
/// var reader = JSONReader(bytes: body)
/// try reader.beginObject()
/// while let key = try reader.nextKey() {
///     switch key {
///     case "name": name = try reader.readString()
///     case "tags":
///         try reader.beginArray()
///         while try reader.nextElement() { tags.append(try reader.readString()) }
///     default: try reader.skipValue()
///     }
/// }
/// try reader.finish()
/// ```
///
/// Everything it passes over is validated, skipped values included, so a document it
/// accepts is JSON throughout: UTF-8 inside strings, no unescaped control characters,
/// no lone surrogates, no leading zeros, no `NaN`, no trailing commas, nothing after
/// the top-level value. Nesting deeper than ``depthLimit`` is an error, never a deep
/// recursion: the reader does not recurse at all. A leading UTF-8 byte order mark is
/// ignored, as RFC 8259 §8.1 allows and Foundation does.
///
/// Two things JSON allows are refused too, because the hub stores what it reads for
/// other programs to read again, and they would read it differently: a key that its
/// object already has (``JSONError/Reason/duplicateKey``: Foundation keeps the first
/// member, Python, JavaScript and Go the last), and U+0000 in a key or a string
/// (``JSONError/Reason/nulCharacter(inKey:)``: SQLite and C strings end at it).
///
/// Errors are ``JSONError`` values carrying the byte offset and the ``path`` of the
/// value being read.
package struct JSONReader: Sendable {
    /// Foundation's limit: 512 nested containers are read, 513 refused.
    package static let defaultDepthLimit = 512

    let bytes: [UInt8]
    /// The next byte to look at.
    var offset: Int
    /// How many containers may be open at once.
    package let depthLimit: Int
    /// The innermost open container, kept out of `enclosing` so that stepping from
    /// member to member writes a stored property rather than an array element.
    var current = JSONFrame.topLevel
    /// The frames around `current`, outermost (the top level) first; as many as there
    /// are open containers.
    var enclosing: [JSONFrame] = []
    /// Where the top-level value starts, once it has been looked at; a value anywhere
    /// else at the top level is a second one, and refused.
    var topLevelStart: Int?
    /// The keys of the open objects, to refuse a repeated one.
    var openKeys = OpenObjectKeys()

    /// A reader of `bytes`, which should hold exactly one JSON text.
    package init(bytes: [UInt8], depthLimit: Int = defaultDepthLimit) {
        self.bytes = bytes
        self.depthLimit = depthLimit
        let startsWithByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        offset = startsWithByteOrderMark ? 3 : 0
    }

    /// A reader of the readable bytes of `buffer`, copied once so that reading is plain
    /// array indexing.
    package init(buffer: ByteBuffer, depthLimit: Int = defaultDepthLimit) {
        self.init(bytes: buffer.withUnsafeReadableBytes { Array($0) }, depthLimit: depthLimit)
    }

    // MARK: Containers

    /// Enters the object that is the next value; read its members with ``nextKey()``.
    package mutating func beginObject() throws(JSONError) {
        try expect(.object)
        try open(isObject: true)
    }

    /// Enters the array that is the next value; read its elements after each
    /// ``nextElement()`` that answers `true`.
    package mutating func beginArray() throws(JSONError) {
        try expect(.array)
        try open(isObject: false)
    }

    /// The key of the next member of the current object, positioned at its value, which
    /// the caller must then read or skip; `nil` once the object has ended, and the
    /// reader is back in the enclosing container.
    package mutating func nextKey() throws(JSONError) -> JSONKey? {
        guard let key = try advanceToKey() else { return nil }
        return decodedKey(key)
    }

    /// Whether the current array has another element, positioned at it; `false` once
    /// the array has ended, and the reader is back in the enclosing container.
    package mutating func nextElement() throws(JSONError) -> Bool {
        precondition(!enclosing.isEmpty && !current.isObject, "nextElement() outside an array")
        guard try atNextItem(closer: UInt8(ascii: "]")) else { return false }
        current.count += 1
        return true
    }

    /// Checks that the top-level value has been read in full and only whitespace follows.
    package mutating func finish() throws(JSONError) {
        precondition(enclosing.isEmpty, "finish() inside a container")
        skipWhitespace()
        guard topLevelStart != nil else { throw failure(offset == bytes.count ? .empty : .trailingContent, at: offset) }
        guard offset == bytes.count else { throw failure(.trailingContent, at: offset) }
    }

    // MARK: Looking ahead

    /// The kind of the next value, told by its first byte, without reading it.
    package mutating func peekKind() throws(JSONError) -> JSONValueKind {
        skipWhitespace()
        if enclosing.isEmpty {
            if let topLevelStart {
                guard offset == topLevelStart else { throw failure(.trailingContent, at: offset) }
            } else {
                guard offset < bytes.count else { throw failure(.empty, at: offset) }
                topLevelStart = offset
            }
        }
        guard offset < bytes.count else { throw failure(.unexpectedEnd, at: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case let byte: throw failure(.unexpectedByte(byte), at: offset)
        }
    }

    /// The value being read, like `guests[1].vmid`, in the form ``JSONError/path`` uses;
    /// empty at the top level.
    package var path: String {
        guard !enclosing.isEmpty else { return "" }
        var path = ""
        for frame in enclosing.dropFirst() + [current] {
            if frame.isObject {
                guard frame.keyOffset >= 0 else { break }
                let name = keyText(at: frame.keyOffset)
                path += path.isEmpty ? name : "." + name
            } else {
                guard frame.count > 0 else { break }
                path += "[\(frame.count - 1)]"
            }
        }
        return path
    }

    // MARK: Internals

    /// Throws a mismatch unless the next value is of `kind`.
    mutating func expect(_ kind: JSONValueKind) throws(JSONError) {
        let found = try peekKind()
        guard found == kind else { throw failure(.mismatch(expected: kind, found: found), at: offset) }
    }

    /// Steps over the opening bracket at `offset` into a new container.
    mutating func open(isObject: Bool) throws(JSONError) {
        guard enclosing.count < depthLimit else { throw failure(.tooDeep(limit: depthLimit), at: offset) }
        enclosing.append(current)
        current = JSONFrame(isObject: isObject, firstKey: openKeys.count)
        offset += 1
    }

    /// Moves to the next member's key and past its colon, answering where the key's
    /// characters are; `nil` once the object has ended. A key the object already has
    /// is refused here, whether the caller reads the member or skips it.
    @inline(__always)
    mutating func advanceToKey() throws(JSONError) -> JSONStringSpan? {
        precondition(current.isObject, "nextKey() outside an object")
        guard try atNextItem(closer: UInt8(ascii: "}")) else { return nil }
        current.count += 1
        current.keyOffset = -1
        guard bytes[offset] == UInt8(ascii: "\"") else { throw failure(.unexpectedByte(bytes[offset]), at: offset) }
        let keyStart = offset
        let key = try scanString(isKey: true)
        current.keyOffset = keyStart
        try noteKey(key, quote: keyStart)
        skipWhitespace()
        guard offset < bytes.count else { throw failure(.unexpectedEnd, at: offset) }
        guard bytes[offset] == UInt8(ascii: ":") else { throw failure(.unexpectedByte(bytes[offset]), at: offset) }
        offset += 1
        return key
    }

    /// Consumes the comma before an item, or the closing bracket and the container;
    /// answers whether an item follows.
    @inline(__always)
    mutating func atNextItem(closer: UInt8) throws(JSONError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw failure(.unexpectedEnd, at: offset) }
        let byte = bytes[offset]
        if byte == closer {
            offset += 1
            if current.isObject { forgetKeys() }
            current = enclosing.removeLast()
            return false
        }
        guard current.count > 0 else { return true }
        guard byte == UInt8(ascii: ",") else { throw failure(.unexpectedByte(byte), at: offset) }
        offset += 1
        skipWhitespace()
        guard offset < bytes.count else { throw failure(.unexpectedEnd, at: offset) }
        guard bytes[offset] != closer else { throw failure(.trailingComma, at: offset) }
        return true
    }

    /// Steps over the four whitespace bytes JSON allows, and no others. Called before
    /// every token, and most tokens have no whitespace before them: inlined, that case
    /// costs one comparison.
    @inline(__always)
    mutating func skipWhitespace() {
        guard offset < bytes.count, bytes[offset] <= 0x20 else { return }
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    func failure(_ reason: JSONError.Reason, at offset: Int) -> JSONError {
        JSONError(reason, offset: offset, path: path)
    }
}
