import Logging

/// What the kernel hands a slice when it assembles it: the shared services of the
/// running hub. A slice keeps what it needs; it never reaches for globals.
package struct SliceEnvironment: Sendable {
    package let database: HubDatabase
    /// Durable writes that share commits: the way request paths write.
    package let writes: GroupCommit
    package let flags: FlagBook
    package let events: EventLog
    package let clock: any HubClock
    package let configuration: HubConfiguration
    /// The slices' settings (`environment.settings[ControllerSettings.giveUpAfter]`).
    package let settings: SettingValues
    package let enabledSlices: Set<String>
    package let logger: Logger
    /// Extension points other slices fill in.
    package let contributions: Contributions
    /// This hub's metrics; pass its factory explicitly, never the global one.
    package let metrics: HubMetrics
    let beacon: ChangeBeacon

    package init(
        database: HubDatabase, writes: GroupCommit, flags: FlagBook, events: EventLog, clock: any HubClock,
        configuration: HubConfiguration, settings: SettingValues? = nil, enabledSlices: Set<String>, logger: Logger,
        contributions: Contributions = Contributions(), beacon: ChangeBeacon, metrics: HubMetrics = HubMetrics()
    ) {
        self.database = database
        self.writes = writes
        self.flags = flags
        self.events = events
        self.clock = clock
        self.configuration = configuration
        self.settings = settings ?? SettingValues(configuration.sliceSettings)
        self.enabledSlices = enabledSlices
        self.logger = logger
        self.contributions = contributions
        self.metrics = metrics
        self.beacon = beacon
    }

    /// Call after a key was replaced or revoked: every process drops its cached keys
    /// before its next request.
    package func announceKeyChange() {
        beacon.signal()
    }
}
