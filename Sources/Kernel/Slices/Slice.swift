import ServiceLifecycle

/// One vertical piece of the hub, declared as a value.
///
/// A slice owns its tables (``migrations``), its HTTP surface, its key kinds, its
/// checkers, its event types and its flags. The kernel switches slices on and off as
/// wholes and knows none of them by name; the executable lists them.
///
/// ```swift
/// let controller = Slice(
///     name: "controller", number: 1,
///     migrations: [.additive("controller-001-customers", sql: "CREATE TABLE …")],
///     eventTypes: ["controller_stale"],
///     assemble: { environment in SliceParts(routes: […], checkers: […]) }
/// )
/// ```
public struct Slice: Sendable {
    public let name: String
    /// Its number on the roadmap (`slices.md`).
    public let number: Int
    public let summary: String
    /// Slices that must be enabled for this one to be.
    public let requires: [String]
    /// Applied in this order; never edited once released (the kernel checks).
    public let migrations: [Migration]
    public let flags: [FlagDefinition]
    public let eventTypes: [String]
    /// Raw-report tables whose old rows the daily prune deletes.
    public let prunedTables: [PruneTarget]
    /// The customers flag cohorts may name, declared by the slice that owns customers.
    public let cohortMembers: (any CohortMembers)?
    /// Builds what runs: called once per start, with the enabled hub around it.
    public let assemble: @Sendable (SliceEnvironment) async throws -> SliceParts

    public init(
        name: String,
        number: Int,
        summary: String,
        requires: [String] = [],
        migrations: [Migration] = [],
        flags: [FlagDefinition] = [],
        eventTypes: [String] = [],
        prunedTables: [PruneTarget] = [],
        cohortMembers: (any CohortMembers)? = nil,
        assemble: @escaping @Sendable (SliceEnvironment) async throws -> SliceParts
    ) {
        self.name = name
        self.number = number
        self.summary = summary
        self.requires = requires
        self.migrations = migrations
        self.flags = flags
        self.eventTypes = eventTypes
        self.prunedTables = prunedTables
        self.cohortMembers = cohortMembers
        self.assemble = assemble
    }
}

/// What an enabled slice contributes while the hub runs.
public struct SliceParts: Sendable {
    public var routes: [SliceRoute]
    public var authStrategies: [any AuthStrategy]
    public var checkers: [any Checker]
    /// Long-running parts (a delivery loop, say) that `hub serve` runs beside the HTTP
    /// server and the ticker in one `ServiceGroup`, and stops with them.
    public var services: [any Service]
    /// Gauges refreshed just before each `GET /metrics`.
    public var samplers: [any MetricsSampler]

    public init(
        routes: [SliceRoute] = [], authStrategies: [any AuthStrategy] = [], checkers: [any Checker] = [],
        services: [any Service] = [], samplers: [any MetricsSampler] = []
    ) {
        self.routes = routes
        self.authStrategies = authStrategies
        self.checkers = checkers
        self.services = services
        self.samplers = samplers
    }
}
