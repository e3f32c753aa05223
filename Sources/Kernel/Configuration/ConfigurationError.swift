/// A mistake in how the hub was configured or invoked. The executable prints
/// ``message`` as one line and exits with status 2; nothing has been started.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
