import Logging

/// An error's description as a log line may carry it: at most ``limit`` characters,
/// then "…".
///
/// Some errors describe themselves at length (a database error quotes its whole SQL
/// statement with its arguments, a decoding error its input), and one such line was
/// 13.7 KB. A log line that long buries the lines around it and can carry more of a
/// request than a log should keep; the first few hundred characters say what failed.
package enum LoggedError {
    package static let limit = 512

    /// `error`'s description, cut to ``limit`` characters.
    package static func text(_ error: any Error) -> String {
        let description = String(describing: error)
        guard description.count > limit else { return description }
        return description.prefix(limit) + "…"
    }

    /// ``text(_:)`` as a metadata value, for `metadata: ["error": LoggedError.metadata(error)]`.
    package static func metadata(_ error: any Error) -> Logger.MetadataValue {
        .string(text(error))
    }
}
