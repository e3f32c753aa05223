import Foundation
import Testing

/// kill -9 under load, in short: the same script the benchmark folder runs for longer.
@Suite struct CrashTests {
    @Test func everyAcknowledgedReportSurvivesKillMinus9() async throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Benchmarks/crash_test.py").standardizedFileURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--hub", try HubProcess.executable().path,
            "--rounds", "2", "--seconds", "3", "--clients", "8", "--hosts", "10",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("lost: 0"), "\(text)")
        #expect(!text.contains("acknowledged: 0,"), "nothing was acknowledged, so nothing was tested: \(text)")
    }
}
