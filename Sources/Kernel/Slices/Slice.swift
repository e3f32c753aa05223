import ArgumentParser
import ServiceLifecycle

/// One vertical piece of the hub, declared as a value: a plugin, as a Caddy module or a
/// Django app is.
///
/// A slice owns its tables (``migrations``), its HTTP surface, its key kinds, its
/// checkers, its event types, its flags, its settings, its metrics, its command-line
/// subcommands and its part of `hub status`. The kernel switches slices on and off as
/// wholes and knows none of them by name; the executable lists them in its catalogue,
/// one line each, and the kernel checks the catalogue at start (``CatalogueCheck``).
///
/// ```swift
/// let controller = Slice(
///     name: "controller", number: 1, summary: "customers and controller reports",
///     migrations: [.additive("controller-001-customers", sql: "CREATE TABLE …")],
///     eventTypes: ["controller_stale"],
///     assemble: { environment in SliceParts(routes: […], checkers: […]) }
/// )
/// ```
package struct Slice: Sendable {
    package let name: String
    /// Its number on the roadmap (`slices.md`).
    package let number: Int
    package let summary: String
    /// Slices that must be enabled for this one to be.
    package let requires: [String]
    /// Whether the slice runs when `HUB_SLICES` is not set.
    package let enabledByDefault: Bool
    /// Applied in this order; never edited once released (the kernel checks).
    package let migrations: [Migration]
    package let flags: [FlagDefinition]
    /// What this slice, while enabled, does to flags of the slices it requires.
    package let flagEffects: [FlagEffect]
    /// Parts of the slices it requires that it replaces while enabled.
    package let supersedes: [SupersededPart]
    package let eventTypes: [String]
    /// Raw-report tables whose old rows the daily prune deletes.
    package let prunedTables: [PruneTarget]
    /// The customers flag cohorts may name, declared by the slice that owns customers.
    package let cohortMembers: (any CohortMembers)?
    /// The environment variables the slice reads (``SliceEnvironment/settings``).
    package let settings: [SettingDefinition]
    /// The metrics the slice records, with their types, labels and buckets.
    package let metrics: [MetricDefinition]
    /// Its `hub …` subcommands; they work on the database directly, as every command but
    /// `serve` does.
    package let commands: [any ParsableCommand.Type]
    /// Subcommands it adds to an earlier slice's command group (`hub hosts revoke`).
    package let commandExtensions: [CommandExtension]
    /// Its areas of `hub status`, in order.
    package let statusSections: [StatusSection]
    /// Its part of the OpenAPI document: an operation for each of its routes.
    package let api: APIDescription?
    /// Contributions to earlier slices' extension points that hold whether or not this
    /// slice is enabled — the placeholder an earlier slice answers with while this one is
    /// off. Run for every slice of the catalogue before any is assembled.
    package let declarations: @Sendable (Contributions) -> Void
    /// Builds what runs: called once per start, with the enabled hub around it.
    package let assemble: @Sendable (SliceEnvironment) async throws -> SliceParts

    package init(
        name: String,
        number: Int,
        summary: String,
        requires: [String] = [],
        enabledByDefault: Bool = true,
        migrations: [Migration] = [],
        flags: [FlagDefinition] = [],
        flagEffects: [FlagEffect] = [],
        supersedes: [SupersededPart] = [],
        eventTypes: [String] = [],
        prunedTables: [PruneTarget] = [],
        cohortMembers: (any CohortMembers)? = nil,
        settings: [SettingDefinition] = [],
        metrics: [MetricDefinition] = [],
        commands: [any ParsableCommand.Type] = [],
        commandExtensions: [CommandExtension] = [],
        statusSections: [StatusSection] = [],
        api: APIDescription? = nil,
        declarations: @escaping @Sendable (Contributions) -> Void = { _ in },
        assemble: @escaping @Sendable (SliceEnvironment) async throws -> SliceParts
    ) {
        self.name = name
        self.number = number
        self.summary = summary
        self.requires = requires
        self.enabledByDefault = enabledByDefault
        self.migrations = migrations
        self.flags = flags
        self.flagEffects = flagEffects
        self.supersedes = supersedes
        self.eventTypes = eventTypes
        self.prunedTables = prunedTables
        self.cohortMembers = cohortMembers
        self.settings = settings
        self.metrics = metrics
        self.commands = commands
        self.commandExtensions = commandExtensions
        self.statusSections = statusSections
        self.api = api
        self.declarations = declarations
        self.assemble = assemble
    }
}
