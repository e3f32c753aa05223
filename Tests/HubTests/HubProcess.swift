import Foundation
import HubTestSupport
import Testing

/// The built `hub` executable, run as an operator would run it.
enum HubProcess {
    typealias Outcome = ExternalProcess.Outcome

    static func executable() throws -> URL {
        try ExternalProcess.hubExecutable()
    }

    static func run(_ arguments: [String], dataDirectory: URL, environment: [String: String] = [:]) async throws -> Outcome {
        try await ExternalProcess.hub(arguments, dataDirectory: dataDirectory, environment: environment)
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
