/// Short random identifiers people read and type (`acme-k3x9q2`, `et-4k2m9x0q7z`): not
/// secrets, only unlikely to repeat; callers retry on the rare collision.
package enum LegibleIdentifier {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// `prefix` followed by `length` characters of `[a-z0-9]`.
    package static func make(prefix: String, length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let suffix = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return prefix + String(decoding: suffix, as: UTF8.self)
    }
}
