import Foundation

/// Runs the repository's shell and Python recipes the way an agent author would.
enum ScriptRunner {
    struct Outcome: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The repository's root, found from this file's place in it.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func docs(_ name: String) -> String {
        repository.appendingPathComponent("docs").appendingPathComponent(name).path
    }

    /// Runs `executable arguments`, with outputs captured through files (no pipe can fill
    /// up and stall the child).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: out.path, contents: nil), FileManager.default.createFile(atPath: err.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }
}

extension ScriptRunner {
    /// The built `hub` executable next to the test bundle (`<scratch>/<triple>/debug/`).
    static func hubExecutable() throws -> String {
        var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { starts.append(executable.deletingLastPathComponent()) }
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("hub")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate.path
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw MissingHub()
    }

    struct MissingHub: Error, CustomStringConvertible {
        var description: String { "the hub executable was not found next to the tests; run swift build --build-tests first" }
    }

    /// `hub arguments` on `dataDirectory`, with no other `HUB_*` variable set.
    static func hub(_ arguments: [String], dataDirectory: URL, slices: String? = nil) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HUB_") }
        environment["HUB_DATA_DIR"] = dataDirectory.path
        if let slices { environment["HUB_SLICES"] = slices }
        return try run(try hubExecutable(), arguments, environment: environment)
    }
}
