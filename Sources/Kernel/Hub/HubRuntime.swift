import Foundation
import GRDB
import Hummingbird
import Logging

/// The hub on one data folder with its slices resolved: database, flags, events,
/// migrations. The command line works on this directly; ``assemble()`` adds the HTTP
/// surface and the ticker for `hub serve`.
package final class HubRuntime: Sendable {
    package let configuration: HubConfiguration
    package let resolver: SliceResolver
    /// The enabled slices, in dependency order.
    package let slices: [Slice]
    package let database: HubDatabase
    package let writes: GroupCommit
    package let flags: FlagBook
    package let events: EventLog
    package let migrator: Migrator
    package let clock: any HubClock
    package let logger: Logger
    package let version: String
    /// This hub's own metrics registry (one per runtime, so many hubs share a process).
    package let metrics: HubMetrics
    /// The enabled slices' settings, checked at start.
    package let settings: SettingValues
    let beacon: ChangeBeacon

    /// Checks the catalogue, resolves the slices, checks their settings and opens the
    /// database; applies nothing yet. Configuration mistakes throw ``ConfigurationError``
    /// before the database is touched; so does a database that a slice left out has
    /// changed for good (``DestructiveOwnership``). A `readOnly` runtime writes nothing
    /// to an existing database.
    package init(
        configuration: HubConfiguration, resolver: SliceResolver, version: String,
        clock: any HubClock = SystemClock(), logger: Logger, readOnly: Bool = false
    ) async throws {
        try CatalogueCheck(resolver: resolver, kernelMigrations: KernelSchema.migrations.map(\.id)).declarations()
        let slices = try resolver.resolve(configuration.sliceNames)
        let settings = SettingValues(configuration.sliceSettings)
        try settings.check(slices.flatMap(\.settings))
        let knownFlags = Set(resolver.catalogue.flatMap { $0.flags.map(\.name) })
        for name in configuration.flagOverrides.keys where !knownFlags.contains(name) {
            throw ConfigurationError("unknown flag '\(name)' in HUB_FLAGS")
        }
        if !readOnly { try PrivateDirectory.create(at: configuration.dataDirectory) }
        let database = try HubDatabase.open(configuration, readOnly: readOnly, logger: logger)
        do {
            try await DestructiveOwnership.check(database, enabled: Set(slices.map(\.name)))
        } catch {
            try? database.close()
            throw error
        }
        let beacon = switch database.engine {
        case .sqlite: ChangeBeacon(dataDirectory: configuration.dataDirectory)
        case .postgres(let store): ChangeBeacon(token: NotifiedChangeToken(store: store))
        }
        self.configuration = configuration
        self.resolver = resolver
        self.slices = slices
        self.database = database
        self.settings = settings
        let metrics = HubMetrics(definitions: KernelMetrics.all + slices.flatMap(\.metrics))
        self.metrics = metrics
        self.writes = GroupCommit(database: database, batchObserver: { metrics.recordIngestBatch(size: $0) })
        self.beacon = beacon
        self.clock = clock
        self.logger = logger
        self.version = version
        self.flags = FlagBook(
            flags: slices.flatMap { slice in slice.flags.map { FlagBook.Registered(slice: slice.name, definition: $0) } },
            effects: slices.flatMap(\.flagEffects), overrides: configuration.flagOverrides,
            database: database, beacon: beacon, clock: clock, cohortMembers: slices.lazy.compactMap(\.cohortMembers).first
        )
        self.events = EventLog(registeredTypes: Set(slices.flatMap(\.eventTypes)), database: database, clock: clock)
        self.migrator = Migrator(
            database: database, owners: slices.map { ($0.name, $0.migrations) },
            backupDirectory: configuration.backupDirectory, clock: clock, logger: logger
        )
    }

    /// Builds the running hub. Every migration must have been applied: a pending one
    /// (say, a destructive one awaiting the operator) refuses the start.
    package func assemble() async throws -> AssembledHub {
        if let pending = try await migrator.plan().first {
            throw pending.migration.kind == .destructive
                ? MigrationError.destructiveRefused(id: pending.migration.id) : MigrationError.pending(id: pending.migration.id)
        }
        // Said once per start of the server, where the operator reads the log; the
        // command line stays quiet (its errors are one line).
        if PrivateDirectory.isOpenToOthers(configuration.dataDirectory) {
            logger.warning(
                "the data folder is open to other users; chmod 700 it", metadata: ["folder": "\(configuration.dataDirectory.path)"]
            )
        }
        let contributions = Contributions()
        for slice in resolver.orderedCatalogue {
            slice.declarations(contributions)
        }
        let environment = SliceEnvironment(
            database: database, writes: writes, flags: flags, events: events, clock: clock, configuration: configuration,
            settings: settings, enabledSlices: Set(slices.map(\.name)), logger: logger, contributions: contributions, beacon: beacon,
            metrics: metrics
        )
        var parts: [SliceParts] = []
        for slice in slices {
            parts.append(try await slice.assemble(environment))
        }
        contributions.freeze()
        events.setListeners(parts.flatMap(\.eventListeners))
        let globalKeyHash = try GlobalKeySource.keyHash(configuration: configuration, logger: logger)
        let auth = AuthRegistry(
            strategies: [GlobalKeyStrategy(keyHash: globalKeyHash)] + parts.flatMap(\.authStrategies), changes: beacon.observer()
        )
        let samplers: [any MetricsSampler] = [DatabaseFileSampler(database: database)] + parts.flatMap(\.samplers)
        // One server per SQLite file leads by itself; PostgreSQL replicas elect a leader.
        let leadership = database.sqlitePool != nil ? Leadership.sole() : Leadership(leading: false)
        let kernelRoutes = HealthRoutes.routes(version: version, database: database, leadership: leadership)
            + [MetricsRoute.route(metrics: metrics, samplers: samplers, isPublic: configuration.metricsPublic, logger: logger)]
            + KernelAdminRoutes.routes(hub: self)
        let takeovers = Supersessions(enabled: slices, resolver: resolver)
        let sliceRoutes = try takeovers.keeping(
            zip(slices, parts).flatMap { slice, part in part.routes.map { (slice.name, $0) } },
            part: { .route($0.method, $0.path) }, kind: { if case .route = $0 { true } else { false } }
        )
        try CatalogueCheck(resolver: resolver, kernelMigrations: []).routes(kernelRoutes.map { ("kernel", $0) } + sliceRoutes)
        let api = try APIDocument.assemble(
            version: version,
            mounted: (kernelRoutes + [APIDocumentRoute.placeholder]).map { .init(owner: KernelSchema.owner, route: $0) }
                + sliceRoutes.map { .init(owner: $0.owner, route: $0.item) },
            descriptions: [(KernelSchema.owner, KernelAPI.description)] + slices.compactMap { slice in slice.api.map { (slice.name, $0) } }
        )
        let dashboard = KernelDashboard(hub: self, globalKeyHash: globalKeyHash, slices: zip(slices, parts).map { ($0.name, $1.dashboard) })
            .assemble()
        try CatalogueCheck(resolver: resolver, kernelMigrations: []).routes(
            (kernelRoutes + sliceRoutes.map(\.item) + dashboard.routes).map { ("dashboard or API", $0) }
        )
        let routes = kernelRoutes + [try APIDocumentRoute.route(serving: api)] + sliceRoutes.map(\.item) + dashboard.routes
        let router = RouterAssembly.makeRouter(
            routes: routes, guard: RouteGuard(auth: auth, flags: flags),
            bodyBudget: BodyBudget(totalBytes: configuration.serverLimits.bodyBudgetBytes), metrics: metrics
        )
        let checkers = try takeovers.keeping(
            zip(slices, parts).flatMap { slice, part in part.checkers.map { (slice.name, $0) } },
            part: { .checker($0.name) }, kind: { if case .checker = $0 { true } else { false } }
        )
        let ticker = Ticker(
            checkers: checkers.map(\.item), interval: configuration.tickInterval, clock: clock, logger: logger, metrics: metrics
        )
        let pruning = PruneService(pruner: pruner, retentionDays: configuration.retentionDays, clock: clock, logger: logger)
        return AssembledHub(
            runtime: self, responder: router.buildResponder(), ticker: ticker, pruning: pruning, auth: auth, api: api,
            services: parts.flatMap(\.services), leaderServices: parts.flatMap(\.leaderServices), leadership: leadership
        )
    }

    /// Call after a command replaced or revoked a key: a server running on the same data
    /// folder drops its cached keys before its next request.
    package func announceKeyChange() {
        beacon.signal()
    }

    /// Deletes the enabled slices' raw reports older than the retention (a table a later
    /// slice took over is pruned as that slice says).
    package var pruner: Pruner {
        let takeovers = Supersessions(enabled: slices, resolver: resolver)
        let targets = slices.flatMap { slice in slice.prunedTables.filter { takeovers.keeps(.prunedTable($0.table), of: slice.name) } }
        return Pruner(targets: targets, database: database, logger: logger)
    }

    /// Every slice the executable knows, enabled or not, with its migrations' state.
    package func sliceReports() async throws -> [SliceReport] {
        let applied = try await migrator.applied()
        let flagStates = try await flags.states()
        let enabled = Set(slices.map(\.name))
        return resolver.orderedCatalogue.map { slice in
            SliceReport(
                name: slice.name, number: slice.number, summary: slice.summary, enabled: enabled.contains(slice.name),
                requires: slice.requires,
                migrations: slice.migrations.map { .init(id: $0.id, kind: $0.kind.rawValue, appliedAt: applied[$0.id]?.appliedAt) },
                flags: flagStates.filter { $0.slice == slice.name },
                eventTypes: slice.eventTypes,
                settings: slice.settings.map { setting in
                    .init(name: setting.name, summary: setting.summary, value: settings.raw[setting.name], defaultText: setting.defaultText)
                }
            )
        }
    }

    package func close() throws {
        try database.close()
    }
}
