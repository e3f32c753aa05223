import PostgresNIO

extension PostgresConnection {
    /// Closes without waiting, keeping the connection alive until it has closed (a
    /// connection may not be released open).
    func closeInBackground() {
        close().whenComplete { _ in withExtendedLifetime(self) {} }
    }
}
