import HubCommandLine
import Kernel
import Synchronization
import Testing

/// How `hub migrate` shows a long copy: one line redrawn in place on a terminal; a plain
/// line at every tenth of the way when its standard error is a file or a CI log.
@Suite struct ProgressLineTests {
    final class Written: Sendable {
        private let text = Mutex("")
        var all: String { text.withLock { $0 } }
        func append(_ more: String) { text.withLock { $0 += more } }
    }

    func steps(_ line: ProgressLine) {
        for done in stride(from: 0, through: 100_000, by: 5_000) {
            line.show(MigrationProgress(migrationID: "cutover-001-guest-reports", phase: "copying", done: done, total: 100_000))
        }
        line.show(MigrationProgress(migrationID: "cutover-001-guest-reports", phase: "verifying", done: 0, total: 200_000))
        line.finish()
    }

    @Test func onATerminalOneLineIsRedrawnAndEachPhaseKeepsItsLast() {
        let written = Written()
        steps(ProgressLine(onTerminal: true) { written.append($0) })
        let lines = written.all.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "the copy's last state, the verification's, and the closing newline")
        #expect(lines[0].split(separator: "\r").last == "cutover-001-guest-reports: copying 100000/100000 (100%)")
        #expect(lines[0].split(separator: "\r").count == 21)
        #expect(lines[1] == "cutover-001-guest-reports: verifying 0/200000 (0%)")
    }

    @Test func elsewhereALineAtEveryTenthAndAtEachPhase() {
        let written = Written()
        steps(ProgressLine(onTerminal: false) { written.append($0) })
        let lines = written.all.split(separator: "\n")
        #expect(!written.all.contains("\r"))
        #expect(lines.count == 12, "0 %, 10 % … 100 %, then the verification")
        #expect(lines[1] == "cutover-001-guest-reports: copying 10000/100000 (10%)")
        #expect(lines.last == "cutover-001-guest-reports: verifying 0/200000 (0%)")
    }
}
