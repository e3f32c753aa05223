import Foundation

extension Duration {
    /// Milliseconds with three decimals, as logs and metrics print durations.
    public var millisecondsText: String {
        let milliseconds = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return String(format: "%.3f", milliseconds)
    }
}
