import Foundation
import HubTestSupport

/// `python3` with arguments, as the README's readers run it.
enum Python {
    static func run(_ arguments: [String]) async throws -> ExternalProcess.Outcome {
        try await ExternalProcess.run("python3", arguments)
    }

    static var repositoryRoot: URL { ExternalProcess.repositoryRoot }
}
