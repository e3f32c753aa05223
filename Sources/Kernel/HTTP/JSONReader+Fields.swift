import StrictJSON
import Foundation

/// Reading a body's fields with the rules and messages of the `Decodable` path
/// (``FieldRules`` and ``BodyDecoder``), so that a body read in one pass is judged as
/// it was before. Each reads the member the reader is positioned at into `slot`; the
/// reader refuses a second member of the same name before it gets here.
///
/// The messages name the field by the reader's ``JSONReader/path``, and are built only
/// when a rule is broken.
extension JSONReader {
    /// A string that must not be null, like `decode(String.self, forKey:)`.
    package mutating func readString(into slot: inout FieldReading<String>) throws(JSONError) {
        switch try peekKind() {
        case .string: slot = .read(try readString())
        case let kind: slot = try brokenByKind(kind, expected: .string)
        }
    }

    /// A string that may be null or left out, like `decodeIfPresent(String.self, forKey:)`.
    package mutating func readOptionalString(into slot: inout FieldReading<String?>) throws(JSONError) {
        switch try peekKind() {
        case .string: slot = .read(try readString())
        case .null:
            try readNull()
            slot = .read(nil)
        case let kind: slot = try brokenByKind(kind, expected: .string)
        }
    }

    /// A number read as `Double`, like `decode(Double.self, forKey:)`: a number beyond
    /// `Double` was refused there as invalid JSON rather than by name, and still is.
    package mutating func readDouble(into slot: inout FieldReading<Double>) throws(JSONError) {
        switch try peekKind() {
        case .number:
            let value = try readNumber().double
            slot = value.map { .read($0) } ?? .broken(BodyDecoder.invalidJSONMessage)
        case let kind: slot = try brokenByKind(kind, expected: .number)
        }
    }

    /// A whole number within `range`, like ``FieldRules/integer(_:_:name:in:)``: null,
    /// a string, a fraction or a number beyond `Int` all break the one rule.
    /// Integral numbers written with a fraction or exponent (`12.0`, `1e2`) are read,
    /// as Foundation reads them.
    package mutating func readInteger(into slot: inout FieldReading<Int>, in range: ClosedRange<Int>) throws(JSONError) {
        guard try peekKind() == .number else {
            slot = .broken(FieldRules.integerMessage(name: path, range: range))
            return try skipValue()
        }
        if let value = try readNumber().wholeNumber, range.contains(value) {
            slot = .read(value)
        } else {
            slot = .broken(FieldRules.integerMessage(name: path, range: range))
        }
    }

    /// An RFC 3339 timestamp, like ``FieldRules/timestamp(_:_:name:)``.
    package mutating func readTimestamp(into slot: inout FieldReading<Date>) throws(JSONError) {
        guard try peekKind() == .string else {
            slot = .broken(FieldRules.timestampMessage(name: path))
            return try skipValue()
        }
        if let date = Timestamp.parse(try readString()) {
            slot = .read(date)
        } else {
            slot = .broken(FieldRules.timestampMessage(name: path))
        }
    }

    /// An object that must not be null, its members read by `readMembers` from just
    /// inside it to its end, like `decode(T.self, forKey:)` of a nested type.
    package mutating func readObject<Members>(
        into slot: inout FieldReading<Members>, _ readMembers: (inout JSONReader) throws(JSONError) -> Members
    ) throws(JSONError) {
        slot = try readObject(readMembers)
    }

    /// An object that may be null or left out, like `decodeIfPresent(T.self, forKey:)`.
    package mutating func readOptionalObject<Members>(
        into slot: inout FieldReading<Members?>, _ readMembers: (inout JSONReader) throws(JSONError) -> Members
    ) throws(JSONError) {
        if try skipNull() {
            slot = .read(nil)
            return
        }
        switch try readObject(readMembers) {
        case .read(let members): slot = .read(members)
        case .broken(let message): slot = .broken(message)
        case .absent: slot = .absent
        }
    }

    /// The object that is the next value, its members read by `readMembers`; null or
    /// another kind is a broken field (a whole body that is not an object, too).
    package mutating func readObject<Members>(
        _ readMembers: (inout JSONReader) throws(JSONError) -> Members
    ) throws(JSONError) -> FieldReading<Members> {
        switch try peekKind() {
        case .object:
            try beginObject()
            return .read(try readMembers(&self))
        case let kind:
            return try brokenByKind(kind, expected: .object)
        }
    }

    /// An array that must not be null, each element read by `readElement` (positioned
    /// at it), like `decode([T].self, forKey:)`.
    package mutating func readArray<Element>(
        into slot: inout FieldReading<[Element]>, _ readElement: (inout JSONReader) throws(JSONError) -> Element
    ) throws(JSONError) {
        switch try peekKind() {
        case .array:
            var elements: [Element] = []
            try beginArray()
            while try nextElement() {
                elements.append(try readElement(&self))
            }
            slot = .read(elements)
        case let kind:
            slot = try brokenByKind(kind, expected: .array)
        }
    }

    /// An object that may be null or left out, checked for its shape only, like
    /// ``FieldRules/objectIfPresent(_:_:)``.
    package mutating func checkOptionalObject(into slot: inout FieldReading<Void>) throws(JSONError) {
        try checkOptional(.object, into: &slot)
    }

    /// An array that may be null or left out, checked for its shape only, like
    /// ``FieldRules/arrayIfPresent(_:_:)``.
    package mutating func checkOptionalArray(into slot: inout FieldReading<Void>) throws(JSONError) {
        try checkOptional(.array, into: &slot)
    }

    private mutating func checkOptional(_ kind: JSONValueKind, into slot: inout FieldReading<Void>) throws(JSONError) {
        let found = try peekKind()
        slot = found == kind || found == .null ? .read(()) : .broken("\(path): must be \(kind)")
        try skipValue()
    }

    /// The message for a value of the wrong kind, as ``BodyDecoder`` words Foundation's
    /// errors; the value is skipped (and so still validated).
    private mutating func brokenByKind<Value>(_ found: JSONValueKind, expected: JSONValueKind) throws(JSONError) -> FieldReading<Value> {
        let message = found == .null ? "\(path): must not be null" : "\(path): must be \(expected)"
        try skipValue()
        return .broken(message)
    }
}
