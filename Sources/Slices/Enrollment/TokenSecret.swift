import Foundation
import Kernel

/// The text of an enrollment token: a fixed prefix, so that a leaked token is easy to
/// spot in a log, a paste or a secret scanner, then 32 random bytes (256 bits) in
/// lowercase hex, far beyond guessing.
enum TokenSecret {
    static let prefix = "felhom_enroll_"

    static func generate() -> String {
        prefix + APIKey.generate()
    }

    /// A token id: not secret, short enough to read out over the phone.
    static func generateID() -> String {
        LegibleIdentifier.make(prefix: "et-", length: 10)
    }
}
