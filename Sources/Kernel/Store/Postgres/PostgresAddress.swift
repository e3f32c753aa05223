import Foundation
import NIOSSL
import PostgresNIO

/// Where the hub's PostgreSQL database is, read from `HUB_DATABASE_URL`
/// (`postgres://user:password@host:5432/database?sslmode=require`). The password is kept
/// out of every description, so the address can be logged.
package struct PostgresAddress: Sendable, CustomStringConvertible {
    package let host: String
    package let port: Int
    package let username: String
    let password: String?
    package let database: String
    package let requireTLS: Bool

    package init(url text: String) throws {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw ConfigurationError("HUB_DATABASE_URL must be postgres://user:password@host:port/database")
        }
        guard let host = url.host, !host.isEmpty, let username = url.user, !username.isEmpty else {
            throw ConfigurationError("HUB_DATABASE_URL must name a host and a user (postgres://user:password@host:port/database)")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw ConfigurationError("HUB_DATABASE_URL must name one database after the host (postgres://…/database)")
        }
        let sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "require"].contains(sslMode) else {
            throw ConfigurationError("HUB_DATABASE_URL's sslmode must be disable or require, not \(sslMode)")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.username = username
        self.password = url.password
        self.database = database
        self.requireTLS = sslMode == "require"
    }

    package var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)\(requireTLS ? "?sslmode=require" : "")"
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            requireTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
    }
}
