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

/// The JSON a command printed with `--json`.
func printedJSON(_ outcome: HubProcess.Outcome) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    return try #require(object as? [String: Any], "stdout is not a JSON object: \(outcome.stdout)")
}
