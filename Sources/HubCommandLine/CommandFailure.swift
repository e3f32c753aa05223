import ArgumentParser
import Foundation
import Kernel

/// Runs a command's work and turns any failure into one line on standard error and
/// an exit status: 2 for a configuration mistake, 1 for anything else.
package enum CommandFailure {
    package static func guarding(_ work: () async throws -> Void) async throws {
        do {
            try await work()
        } catch let error as ExitCode {
            throw error
        } catch let error as ConfigurationError {
            report(error)
            throw ExitCode(2)
        } catch let error as HubError {
            FileHandle.standardError.write(Data("hub: \(error.message) (\(error.code))\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("hub: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Writes a configuration mistake as the one line a command fails with.
    package static func report(_ error: ConfigurationError) {
        FileHandle.standardError.write(Data("hub: \(error.message)\n".utf8))
    }
}
