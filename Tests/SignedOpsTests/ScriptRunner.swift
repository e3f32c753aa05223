import Foundation
import HubTestSupport

/// Runs the repository's shell and Python recipes the way an agent author would.
enum ScriptRunner {
    typealias Outcome = ExternalProcess.Outcome

    static let repository = ExternalProcess.repositoryRoot

    static func docs(_ name: String) -> String {
        repository.appendingPathComponent("Sources/Slices/SignedOps/docs").appendingPathComponent(name).path
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> Outcome {
        try await ExternalProcess.run(executable, arguments, environment: environment)
    }

    /// `hub arguments` on `dataDirectory`, with no other `HUB_*` variable set.
    static func hub(_ arguments: [String], dataDirectory: URL, slices: String? = nil) async throws -> Outcome {
        try await ExternalProcess.hub(arguments, dataDirectory: dataDirectory, environment: slices.map { ["HUB_SLICES": $0] } ?? [:])
    }
}
