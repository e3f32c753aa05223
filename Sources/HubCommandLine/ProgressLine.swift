import Foundation
import Kernel
import Synchronization

/// Shows a long migration's progress on standard error: one line redrawn in place on a
/// terminal, and a plain line at every tenth of the way otherwise (a log file or a CI
/// console then reads well, and stays short for a million rows).
package final class ProgressLine: Sendable {
    private struct Shown {
        var phase = ""
        var tenth = -1
        var drawnInPlace = false
    }

    private let onTerminal: Bool
    private let shown = Mutex(Shown())
    private let write: @Sendable (String) -> Void

    package init(
        onTerminal: Bool = isatty(STDERR_FILENO) == 1,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.onTerminal = onTerminal
        self.write = write
    }

    package func show(_ progress: MigrationProgress) {
        let percent = progress.total == 0 ? 100 : progress.done * 100 / progress.total
        let text = "\(progress.migrationID): \(progress.phase) \(progress.done)/\(progress.total) (\(percent)%)"
        let output: String? = shown.withLock { shown in
            let newPhase = shown.phase != progress.phase
            defer { shown.phase = progress.phase }
            if onTerminal {
                let prefix = newPhase && shown.drawnInPlace ? "\n" : "\r"
                shown.drawnInPlace = true
                return prefix + text
            }
            let tenth = percent / 10
            guard newPhase || tenth != shown.tenth else { return nil }
            shown.tenth = tenth
            return text + "\n"
        }
        if let output { write(output) }
    }

    /// Ends a line drawn in place, so what follows starts on a line of its own.
    package func finish() {
        let drawn = shown.withLock { shown in
            defer { shown.drawnInPlace = false }
            return shown.drawnInPlace
        }
        if drawn { write("\n") }
    }
}
