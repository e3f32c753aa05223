import Foundation

/// Programs run as a person would run them — the built `hub`, `python3`, `openssl`,
/// the repository's scripts — with their output captured through files (a pipe can
/// fill up and stall the child) and a watchdog that ends a run after two minutes.
package enum ExternalProcess {
    package struct Outcome: Sendable {
        package let status: Int32
        package let stdout: String
        package let stderr: String

        package var stderrLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    package struct MissingHub: Error, CustomStringConvertible {
        package let searched: [String]
        package var description: String {
            "the hub executable was not found; build it first (swift build --build-tests). Looked in: \(searched.joined(separator: ", "))"
        }
    }

    /// The repository's root, found from this file's place in it.
    package static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `tool arguments`, found on the `PATH`; waits on a thread of its own, not the
    /// concurrency pool.
    package static func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(tool, arguments, environment: environment) })
            }
        }
    }

    /// ``run(_:_:environment:)`` on the calling thread. Not for `async` code: a test that
    /// blocks one of the few threads of Swift's cooperative pool slows every other test.
    static func runBlocking(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let executable = tool.hasPrefix("/") ? tool : "/usr/bin/env"
        let process = try SpawnedProcess(
            executable: executable, arguments: tool.hasPrefix("/") ? arguments : [tool] + arguments,
            environment: environment ?? ProcessInfo.processInfo.environment, stdout: stdoutURL, stderr: stderrURL
        )
        let watchdog = DispatchWorkItem { kill(process.pid, SIGTERM) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let status = process.wait()
        watchdog.cancel()
        return Outcome(
            status: status,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
    }

    /// `hub arguments` on `dataDirectory`, with no `HUB_*` variable but these.
    package static func hub(_ arguments: [String], dataDirectory: URL, environment extra: [String: String] = [:]) async throws -> Outcome {
        try await run(try hubExecutable().path, arguments, environment: hubEnvironment(dataDirectory: dataDirectory, extra))
    }

    static func hubEnvironment(dataDirectory: URL, _ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        environment["HUB_DATA_DIR"] = dataDirectory.path
        // On PostgreSQL the folder's hub keeps its data in its own database.
        if let address = TestDatabase.address(of: dataDirectory), let url = TestDatabase.url(of: address) {
            environment["HUB_DATABASE_URL"] = url
        }
        environment.merge(extra) { $1 }
        return environment
    }

    /// The built `hub` beside the test bundle (`<scratch>/<triple>/debug/`) or in a
    /// folder above it; `HUB_EXECUTABLE` names another.
    package static func hubExecutable() throws -> URL {
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
        throw MissingHub(searched: searched)
    }
}
