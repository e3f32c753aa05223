/// A field a later slice adds to the answer to every host report, with the value hosts
/// get while that slice does not speak for them (switched off, or outside its cohort).
///
/// Declared in the later slice's ``Kernel/Slice/declarations`` under
/// ``HostIngestSlice/envelopeFields``, so the field keeps its placeholder even while the
/// slice is off: agents in the field rely on every field being there.
package struct EnvelopeField: Sendable, Equatable {
    /// A JSON member name, written as is.
    package let name: String
    package let placeholder: EnvelopeValue

    package init(name: String, placeholder: EnvelopeValue) {
        self.name = name
        self.placeholder = placeholder
    }
}

/// The value of an ``EnvelopeField``: the envelope carries numbers and truth values only.
package enum EnvelopeValue: Sendable, Equatable {
    case integer(Int64)
    case boolean(Bool)

    var json: String {
        switch self {
        case .integer(let value): "\(value)"
        case .boolean(let value): "\(value)"
        }
    }
}
