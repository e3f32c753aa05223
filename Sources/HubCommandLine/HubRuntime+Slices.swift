import Kernel

extension HubRuntime {
    /// Refuses a command of a slice that is not enabled, in one line.
    package func requireSlice(_ name: String) throws {
        guard slices.contains(where: { $0.name == name }) else {
            throw ConfigurationError("slice \(name) is not enabled")
        }
    }
}
