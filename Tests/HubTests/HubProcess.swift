import Foundation
import Testing

/// The built `hub` executable, run as an operator would run it.
enum HubProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    struct Missing: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the hub executable was not found; build it first (swift build --build-tests). Looked in: \(searched.joined(separator: ", "))"
        }
    }

    /// `hub` next to the test bundle (`<scratch>/<triple>/debug/`), or in a folder above it.
    static func executable() throws -> URL {
        var starts: [URL] = []
        if let path = ProcessInfo.processInfo.environment["HUB_EXECUTABLE"] { starts.append(URL(fileURLWithPath: path).deletingLastPathComponent()) }
        if let bundle = Bundle.main.executableURL { starts.append(bundle.deletingLastPathComponent()) }
        starts.append(Bundle.main.bundleURL)
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        var searched: [String] = []
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0..<4 {
                for candidate in [directory.appendingPathComponent("hub"), directory.appendingPathComponent("debug/hub")] {
                    searched.append(candidate.path)
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                       FileManager.default.isExecutableFile(atPath: candidate.path) {
                        return candidate
                    }
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw Missing(searched: searched)
    }

    /// Runs `hub arguments` on `dataDirectory` with a clean `HUB_*` environment plus
    /// `environment`. A process still running after two minutes is killed and reported.
    static func run(_ arguments: [String], dataDirectory: URL, environment: [String: String] = [:]) async throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        variables["HUB_DATA_DIR"] = dataDirectory.path
        for (name, value) in environment { variables[name] = value }
        process.environment = variables

        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("hub-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout")
        let stderrURL = outputs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        let (terminated, termination) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in termination.finish() }
        try process.run()
        let pid = process.processIdentifier
        let watchdog = Task {
            try await Task.sleep(for: .seconds(120))
            kill(pid, SIGTERM)
        }
        defer { watchdog.cancel() }
        for await _ in terminated {}
        try stdout.close()
        try stderr.close()
        return Outcome(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
            stderr: try String(contentsOf: stderrURL, encoding: .utf8)
        )
    }
}

/// A fresh data folder, removed when `body` returns.
func withDataDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// The JSON a command printed with `--json`.
func printedJSON(_ outcome: HubProcess.Outcome) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    return try #require(object as? [String: Any], "stdout is not a JSON object: \(outcome.stdout)")
}
