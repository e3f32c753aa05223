extension JSONValue {
    /// How deep objects and arrays are nested at the deepest point: 0 for a scalar, 1
    /// for `[]` or `{"a": 1}`, 2 for `{"a": [1]}`. For bounding a stored document that
    /// other programs must parse again, since every JSON library stops somewhere.
    /// Recursive: call it on values `JSONDecoder` produced, which it nests at most 512 deep.
    package var nestingDepth: Int {
        switch self {
        case .array(let items): 1 + items.reduce(0) { max($0, $1.nestingDepth) }
        case .object(let members): 1 + members.values.reduce(0) { max($0, $1.nestingDepth) }
        case .null, .bool, .number, .string: 0
        }
    }
}
