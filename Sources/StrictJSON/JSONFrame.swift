/// One open container of a ``JSONReader``: enough to know whether a comma is due and
/// to name the value being read in an error's path, and nothing that costs a copy.
struct JSONFrame: Sendable {
    let isObject: Bool
    /// Where this object's keys begin in the reader's ``OpenObjectKeys``; unused for
    /// an array.
    let firstKey: Int
    /// Members or elements begun so far.
    var count = 0
    /// Where the current member's key starts (its opening quote), so that a path can
    /// spell it when an error needs it; -1 until the key has been read.
    var keyOffset = -1

    init(isObject: Bool, firstKey: Int = 0) {
        self.isObject = isObject
        self.firstKey = firstKey
    }

    /// The frame outside every container, where the one top-level value is read.
    static let topLevel = JSONFrame(isObject: false)
}
