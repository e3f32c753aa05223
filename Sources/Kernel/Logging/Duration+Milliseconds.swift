import Foundation

extension Duration {
    /// Milliseconds, to the microsecond: how logs and metrics give durations.
    package var milliseconds: Double {
        let exact = Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
        return (exact * 1000).rounded() / 1000
    }

    /// ``milliseconds`` with three decimals.
    package var millisecondsText: String {
        String(format: "%.3f", milliseconds)
    }
}
