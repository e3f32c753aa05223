import Foundation
import Logging

/// Everything the operator configures, read once at start from the environment (and
/// command-line overrides). See the operator contract §1 for the names.
package struct HubConfiguration: Sendable {
    package var dataDirectory: URL
    package var listenHost: String
    package var listenPort: Int
    /// `HUB_GLOBAL_API_KEY`; `nil` means the key file in the data folder.
    package var globalAPIKey: String?
    /// `HUB_SLICES`; `nil` means the roadmap's default set.
    package var sliceNames: [String]?
    /// `HUB_FLAGS` overrides, by flag name.
    package var flagOverrides: [String: Bool]
    package var tickInterval: Duration
    package var staleAfter: TimeInterval
    package var downAfter: TimeInterval
    package var retentionDays: Int
    package var logFormat: LogFormat
    /// `HUB_LOG_LEVEL`: the least severe level written (`trace` … `critical`).
    package var logLevel: Logger.Level
    /// `HUB_METRICS_PUBLIC=1`: `GET /metrics` answers without a key.
    package var metricsPublic: Bool
    /// The `HUB_…` variables given, for the slices' own settings (``Setting``), which
    /// the kernel checks once it knows which slices are enabled.
    package var sliceSettings: [String: String]
    /// How the HTTP server protects itself from slow, idle or too many clients:
    /// `HUB_HEADER_TIMEOUT_SECONDS`, `HUB_IDLE_TIMEOUT_SECONDS`, `HUB_MAX_CONNECTIONS`,
    /// `HUB_BODY_BUDGET_BYTES`.
    package var serverLimits: ServerLimits
    /// `HUB_DASHBOARD_SESSION_MINUTES`: how long a dashboard login lasts.
    package var dashboardSessionLifetime: TimeInterval
    /// `HUB_DASHBOARD_LOGIN_FAILURES_PER_MINUTE`: wrong keys a client may try on the
    /// dashboard's login form in a minute before it must wait.
    package var dashboardLoginFailuresPerMinute: Int

    /// `HUB_DATABASE_URL`: the PostgreSQL database every replica shares; `nil` keeps the
    /// embedded SQLite file in the data folder.
    package var databaseAddress: PostgresAddress?

    package enum LogFormat: String, Sendable {
        case text, json
    }

    package var databaseFile: URL { dataDirectory.appendingPathComponent("hub.sqlite") }
    package var backupDirectory: URL { dataDirectory.appendingPathComponent("backups") }

    package init(
        dataDirectory: URL,
        listenHost: String = "127.0.0.1",
        listenPort: Int = 8080,
        globalAPIKey: String? = nil,
        sliceNames: [String]? = nil,
        flagOverrides: [String: Bool] = [:],
        tickInterval: Duration = .seconds(60),
        staleAfter: TimeInterval = 1800,
        downAfter: TimeInterval = 3600,
        retentionDays: Int = 30,
        logFormat: LogFormat = .text,
        logLevel: Logger.Level = .info,
        metricsPublic: Bool = false,
        sliceSettings: [String: String] = [:],
        serverLimits: ServerLimits = ServerLimits(),
        dashboardSessionLifetime: TimeInterval = 12 * 3600,
        dashboardLoginFailuresPerMinute: Int = 10
    ) {
        self.dataDirectory = dataDirectory
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.globalAPIKey = globalAPIKey
        self.sliceNames = sliceNames
        self.flagOverrides = flagOverrides
        self.tickInterval = tickInterval
        self.staleAfter = staleAfter
        self.downAfter = downAfter
        self.retentionDays = retentionDays
        self.logFormat = logFormat
        self.logLevel = logLevel
        self.metricsPublic = metricsPublic
        self.sliceSettings = sliceSettings
        self.serverLimits = serverLimits
        self.dashboardSessionLifetime = dashboardSessionLifetime
        self.dashboardLoginFailuresPerMinute = dashboardLoginFailuresPerMinute
    }

    /// Reads the contract's `HUB_*` variables; a malformed value is a ``ConfigurationError``
    /// naming the variable.
    package static func fromEnvironment(_ environment: [String: String]) throws -> HubConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func positiveInteger(_ name: String, _ fallback: Int) throws -> Int {
            guard let raw = value(name) else { return fallback }
            guard let number = Int(raw), number > 0 else {
                throw ConfigurationError("\(name)=\(raw) is not a positive whole number")
            }
            return number
        }
        var configuration = HubConfiguration(dataDirectory: URL(fileURLWithPath: value("HUB_DATA_DIR") ?? "./data"))
        if let listen = value("HUB_LISTEN") {
            (configuration.listenHost, configuration.listenPort) = try parseListen(listen, variable: "HUB_LISTEN")
        }
        if let key = value("HUB_GLOBAL_API_KEY") {
            guard key.utf8.count >= 32, key.utf8.count <= 256, key.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                throw ConfigurationError("HUB_GLOBAL_API_KEY must be 32 to 256 printable characters without spaces")
            }
            configuration.globalAPIKey = key
        }
        if let url = value("HUB_DATABASE_URL") {
            configuration.databaseAddress = try PostgresAddress(url: url)
        }
        if let slices = value("HUB_SLICES") {
            configuration.sliceNames = try parseList(slices, variable: "HUB_SLICES")
        }
        if let flags = value("HUB_FLAGS") {
            configuration.flagOverrides = try parseFlagOverrides(flags)
        }
        configuration.tickInterval = .seconds(try positiveInteger("HUB_TICK_SECONDS", 60))
        configuration.staleAfter = TimeInterval(try positiveInteger("HUB_STALE_AFTER_SECONDS", 1800))
        configuration.downAfter = TimeInterval(try positiveInteger("HUB_DOWN_AFTER_SECONDS", 3600))
        configuration.retentionDays = try positiveInteger("HUB_RETENTION_DAYS", 30)
        if let format = value("HUB_LOG_FORMAT") {
            guard let parsed = LogFormat(rawValue: format) else {
                throw ConfigurationError("HUB_LOG_FORMAT=\(format) is neither text nor json")
            }
            configuration.logFormat = parsed
        }
        if let level = value("HUB_LOG_LEVEL") {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ConfigurationError("HUB_LOG_LEVEL=\(level) is not one of trace, debug, info, notice, warning, error, critical")
            }
            configuration.logLevel = parsed
        }
        if let metricsPublic = value("HUB_METRICS_PUBLIC") {
            switch metricsPublic {
            case "1": configuration.metricsPublic = true
            case "0": configuration.metricsPublic = false
            default: throw ConfigurationError("HUB_METRICS_PUBLIC=\(metricsPublic) is neither 1 nor 0")
            }
        }
        configuration.sliceSettings = environment.filter { $0.key.hasPrefix("HUB_") }
        let defaults = ServerLimits()
        configuration.serverLimits = ServerLimits(
            headerTimeout: .seconds(try positiveInteger("HUB_HEADER_TIMEOUT_SECONDS", Int(defaults.headerTimeout.components.seconds))),
            idleTimeout: .seconds(try positiveInteger("HUB_IDLE_TIMEOUT_SECONDS", Int(defaults.idleTimeout.components.seconds))),
            maxConnections: value("HUB_MAX_CONNECTIONS") == nil ? nil : try positiveInteger("HUB_MAX_CONNECTIONS", 0),
            bodyBudgetBytes: try positiveInteger("HUB_BODY_BUDGET_BYTES", defaults.bodyBudgetBytes)
        )
        configuration.dashboardSessionLifetime = TimeInterval(try positiveInteger("HUB_DASHBOARD_SESSION_MINUTES", 720) * 60)
        configuration.dashboardLoginFailuresPerMinute = try positiveInteger("HUB_DASHBOARD_LOGIN_FAILURES_PER_MINUTE", 10)
        try configuration.validate()
        return configuration
    }

    /// Checks the relations between values that each parsed fine on their own.
    package func validate() throws {
        guard downAfter > staleAfter else {
            throw ConfigurationError("HUB_DOWN_AFTER_SECONDS (\(Int(downAfter))) must be greater than HUB_STALE_AFTER_SECONDS (\(Int(staleAfter)))")
        }
    }

    package static func parseListen(_ text: String, variable: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port)
        else { throw ConfigurationError("\(variable)=\(text) is not host:port") }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ConfigurationError("\(variable)=\(text) has no host") }
        return (host, port)
    }

    static func parseList(_ text: String, variable: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.contains(where: \.isEmpty) else { throw ConfigurationError("\(variable)=\(text) has an empty item") }
        return items
    }

    package static func parseFlagOverrides(_ text: String) throws -> [String: Bool] {
        var overrides: [String: Bool] = [:]
        for item in try parseList(text, variable: "HUB_FLAGS") {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ConfigurationError("HUB_FLAGS item '\(item)' is not name=on or name=off")
            }
            switch parts[1] {
            case "on": overrides[String(parts[0])] = true
            case "off": overrides[String(parts[0])] = false
            default: throw ConfigurationError("HUB_FLAGS item '\(item)' is not name=on or name=off")
            }
        }
        return overrides
    }
}
