import Foundation
import HubTestSupport

/// The built `hub` executable, run as an operator runs it.
enum HubExecutable {
    static func run(_ arguments: [String], dataDirectory: URL) async throws -> ExternalProcess.Outcome {
        try await ExternalProcess.hub(arguments, dataDirectory: dataDirectory)
    }
}
