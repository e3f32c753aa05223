/// The keys read so far in each object a ``JSONReader`` has open, so that a key its
/// object already has is refused where it stands (see
/// ``JSONError/Reason/duplicateKey``).
///
/// Objects in what the hub reads have a handful of members, so a key is compared with
/// its object's earlier keys by a one-word ``fingerprint(of:in:)``, and byte for byte
/// only when two fingerprints match: a few integer comparisons per key on the ingest
/// path. An object with more than ``smallObjectLimit`` members moves its keys into a
/// hashed set, so that an object of a hundred thousand members costs linear time, not
/// quadratic.
struct OpenObjectKeys: Sendable {
    /// Members beyond which an object's keys are kept in a set instead.
    static let smallObjectLimit = 16

    /// One key of a small object.
    struct Mark: Sendable {
        let fingerprint: UInt64
        /// The key's opening quote, to read the key again when fingerprints match.
        let quote: Int
    }

    /// The keys of the open small objects, outermost object first, each object's keys
    /// one run from its frame's `firstKey` up to ``count``. Entries from ``count`` on
    /// are left over from closed objects and overwritten, so that closing an object
    /// costs one store.
    private var marks: [Mark] = []
    /// How many entries of `marks` belong to open objects.
    private(set) var count = 0
    /// The decoded keys of the open large objects, by the object's depth.
    var largeObjects: [Int: Set<JSONKey>] = [:]

    /// Where the fingerprint of the keys from `first` on is `fingerprint`, if anywhere.
    @inline(__always)
    func firstMatch(of fingerprint: UInt64, from first: Int) -> Int? {
        marks.withUnsafeBufferPointer { marks in
            for index in first..<count where marks[index].fingerprint == fingerprint { return index }
            return nil
        }
    }

    /// The opening quote of the key at `index`.
    func quote(at index: Int) -> Int {
        marks[index].quote
    }

    @inline(__always)
    mutating func append(_ mark: Mark) {
        if count < marks.count {
            marks[count] = mark
        } else {
            if marks.isEmpty { marks.reserveCapacity(32) }
            marks.append(mark)
        }
        count += 1
    }

    /// Forgets the keys from `first` on.
    mutating func truncate(to first: Int) {
        count = first
    }

    /// A summary of the key bytes in `range` of `buffer`: equal keys have equal
    /// fingerprints, and keys of up to seven bytes have distinct ones. Longer keys are
    /// summed up by their first and last eight bytes and their length, which is enough
    /// to tell apart the keys of one object but for a contrived few.
    @inline(__always)
    static func fingerprint(of range: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = range.count
        guard count > 0, let base = buffer.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if count >= 8 {
            head = UInt64(littleEndian: (base + range.lowerBound).loadUnaligned(as: UInt64.self))
            tail = UInt64(littleEndian: (base + range.upperBound - 8).loadUnaligned(as: UInt64.self))
        } else if range.lowerBound + 8 <= buffer.count {
            // One load, the bytes after the key (its closing quote and on) masked off.
            let word = UInt64(littleEndian: (base + range.lowerBound).loadUnaligned(as: UInt64.self))
            head = word & (1 << (8 * UInt64(count)) - 1)
        } else {
            // The same little-endian layout, byte by byte, near the end of the input.
            for index in range {
                head |= UInt64(buffer[index]) << (8 * UInt64(index - range.lowerBound))
            }
        }
        return head ^ (tail << 32 | tail >> 32) ^ UInt64(count) << 59
    }
}
