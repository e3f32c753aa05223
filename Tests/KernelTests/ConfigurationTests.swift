import Foundation
import HubTestSupport
import Kernel
import Testing

@Suite struct ConfigurationTests {
    func error(_ environment: [String: String]) -> ConfigurationError? {
        do {
            _ = try HubConfiguration.fromEnvironment(environment)
            return nil
        } catch {
            return error as? ConfigurationError
        }
    }

    @Test(arguments: [
        ("HUB_LISTEN", "nowhere"),
        ("HUB_LISTEN", "127.0.0.1:99999"),
        ("HUB_LISTEN", ":8080"),
        ("HUB_TICK_SECONDS", "soon"),
        ("HUB_TICK_SECONDS", "0"),
        ("HUB_STALE_AFTER_SECONDS", "-5"),
        ("HUB_DOWN_AFTER_SECONDS", "1.5"),
        ("HUB_RETENTION_DAYS", "thirty"),
        ("HUB_LOG_FORMAT", "xml"),
        ("HUB_GLOBAL_API_KEY", "short"),
        ("HUB_GLOBAL_API_KEY", String(repeating: "k", count: 20) + " " + String(repeating: "k", count: 20)),
        ("HUB_SLICES", "controller,,host-ingest"),
        ("HUB_FLAGS", "admin_mint"),
        ("HUB_FLAGS", "admin_mint=yes"),
        ("HUB_FLAGS", "=on"),
        ("HUB_HEADER_TIMEOUT_SECONDS", "0"),
        ("HUB_IDLE_TIMEOUT_SECONDS", "a minute"),
        ("HUB_MAX_CONNECTIONS", "-1"),
        ("HUB_BODY_BUDGET_BYTES", "64MiB"),
    ])
    func malformedValueIsRefusedNamingTheVariable(variable: String, value: String) {
        let failure = error([variable: value])
        #expect(failure != nil, "\(variable)=\(value) was accepted")
        #expect(failure?.message.contains(variable) == true, "\(failure?.message ?? "no error") does not name \(variable)")
    }

    @Test func downThresholdNotAboveStaleThresholdIsRefusedNamingBoth() {
        let failure = error(["HUB_STALE_AFTER_SECONDS": "600", "HUB_DOWN_AFTER_SECONDS": "600"])
        #expect(failure?.message.contains("HUB_STALE_AFTER_SECONDS") == true)
        #expect(failure?.message.contains("HUB_DOWN_AFTER_SECONDS") == true)
    }

    @Test func emptyEnvironmentGivesTheContractDefaults() throws {
        let configuration = try HubConfiguration.fromEnvironment([:])
        #expect(configuration.dataDirectory.lastPathComponent == "data")
        #expect(configuration.listenHost == "127.0.0.1")
        #expect(configuration.listenPort == 8080)
        #expect(configuration.globalAPIKey == nil)
        #expect(configuration.sliceNames == nil)
        #expect(configuration.flagOverrides.isEmpty)
        #expect(configuration.tickInterval == .seconds(60))
        #expect(configuration.staleAfter == 1800)
        #expect(configuration.downAfter == 3600)
        #expect(configuration.retentionDays == 30)
        #expect(configuration.logFormat == .text)
    }

    @Test func serverLimitsDefaultToTheSecurityBaseline() throws {
        let limits = try HubConfiguration.fromEnvironment([:]).serverLimits
        #expect(limits.headerTimeout == .seconds(10))
        #expect(limits.idleTimeout == .seconds(60))
        #expect(limits.maxConnections == nil)
        #expect(limits.bodyBudgetBytes == 64 * 1024 * 1024)
    }

    @Test func serverLimitsAreRead() throws {
        let limits = try HubConfiguration.fromEnvironment([
            "HUB_HEADER_TIMEOUT_SECONDS": "3", "HUB_IDLE_TIMEOUT_SECONDS": "30", "HUB_MAX_CONNECTIONS": "200",
            "HUB_BODY_BUDGET_BYTES": "16777216",
        ]).serverLimits
        #expect(limits == ServerLimits(headerTimeout: .seconds(3), idleTimeout: .seconds(30), maxConnections: 200, bodyBudgetBytes: 16_777_216))
        #expect(limits.effectiveMaxConnections == 200)
    }

    @Test(arguments: [(64, 32), (256, 192), (1024, 960), (65536, 1024), (3, 2), (1, 1)])
    func defaultConnectionCapLeavesDescriptorsForTheDatabase(descriptorLimit: Int, cap: Int) {
        #expect(ServerLimits.defaultMaxConnections(descriptorLimit: descriptorLimit) == cap)
    }

    @Test func wellFormedValuesAreRead() throws {
        let configuration = try HubConfiguration.fromEnvironment([
            "HUB_DATA_DIR": "/srv/hub",
            "HUB_LISTEN": "[::1]:9090",
            "HUB_GLOBAL_API_KEY": globalKey,
            "HUB_SLICES": "controller, host-ingest",
            "HUB_TICK_SECONDS": "5",
            "HUB_STALE_AFTER_SECONDS": "100",
            "HUB_DOWN_AFTER_SECONDS": "200",
            "HUB_RETENTION_DAYS": "7",
            "HUB_LOG_FORMAT": "json",
        ])
        #expect(configuration.databaseFile.path == "/srv/hub/hub.sqlite")
        #expect(configuration.backupDirectory.path == "/srv/hub/backups")
        #expect(configuration.listenHost == "::1")
        #expect(configuration.listenPort == 9090)
        #expect(configuration.globalAPIKey == globalKey)
        #expect(configuration.sliceNames == ["controller", "host-ingest"])
        #expect(configuration.tickInterval == .seconds(5))
        #expect(configuration.staleAfter == 100)
        #expect(configuration.downAfter == 200)
        #expect(configuration.retentionDays == 7)
        #expect(configuration.logFormat == .json)
    }

    @Test func hubFlagsAreParsedIntoOverrides() throws {
        let configuration = try HubConfiguration.fromEnvironment(["HUB_FLAGS": "admin_mint=off, signed_ops=on"])
        #expect(configuration.flagOverrides == ["admin_mint": false, "signed_ops": true])
    }

    @Test func unknownFlagInHubFlagsStopsTheRuntime() async throws {
        try await withDataDirectory { directory in
            let catalogue = [toySlice(flags: [FlagDefinition(name: "known_flag", summary: "", default: false)])]
            let thrown = await #expect(throws: ConfigurationError.self) {
                try await openRuntime(in: directory, catalogue: catalogue, flagOverrides: ["no_such_flag": true])
            }
            #expect(thrown?.message.contains("'no_such_flag'") == true)
            #expect(thrown?.message.contains("HUB_FLAGS") == true)
        }
    }

    @Test func hubFlagsMayNameAFlagOfASliceThatIsSwitchedOff() async throws {
        try await withDataDirectory { directory in
            let catalogue = [
                toySlice("on", number: 1),
                toySlice("off", number: 2, flags: [FlagDefinition(name: "dormant_flag", summary: "", default: false)]),
            ]
            let runtime = try await openRuntime(in: directory, catalogue: catalogue, enabled: ["on"], flagOverrides: ["dormant_flag": true])
            #expect(runtime.slices.map(\.name) == ["on"])
        }
    }
}
