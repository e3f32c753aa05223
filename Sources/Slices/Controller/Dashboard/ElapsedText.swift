import Foundation

/// A span of time as an operator reads it at a glance: `42 s`, `5 min`, `3 h`, `2 d`.
enum ElapsedText {
    static func describe(_ interval: TimeInterval) -> String {
        let seconds = max(0, Int(interval))
        switch seconds {
        case ..<60: return "\(seconds) s"
        case ..<3_600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3_600) h"
        default: return "\(seconds / 86_400) d"
        }
    }
}
