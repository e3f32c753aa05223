/// A mistake in how the hub was configured or invoked. The executable prints
/// ``message`` as one line and exits with status 2; nothing has been started.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
