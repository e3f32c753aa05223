import Foundation
import HubTestSupport
import Testing

/// kill -9 under load, in short: the same script the benchmark folder runs for longer.
@Suite struct CrashTests {
    @Test func everyAcknowledgedReportSurvivesKillMinus9() async throws {
        let script = ExternalProcess.repositoryRoot.appendingPathComponent("Benchmarks/crash_test.py").path
        let outcome = try await ExternalProcess.run("python3", [
            script, "--hub", try ExternalProcess.hubExecutable().path, "--rounds", "2", "--seconds", "3", "--clients", "8", "--hosts", "10",
        ])
        let text = outcome.stdout + outcome.stderr
        #expect(outcome.status == 0, "\(text)")
        #expect(text.contains("lost: 0"), "\(text)")
        #expect(!text.contains("acknowledged: 0,"), "nothing was acknowledged, so nothing was tested: \(text)")
    }
}
