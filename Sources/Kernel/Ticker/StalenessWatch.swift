import Foundation
import GRDB

/// A dead-man's switch over one kind of subject, declared once by the slice that owns
/// the subjects: from it come the checker, its event types, the gauge of subjects by
/// state and the slice's area of `hub status`.
///
/// ```swift
/// static let watch = StalenessWatch(
///     checker: "host_staleness", eventPrefix: "host", subjectsSQL: "SELECT host_id AS subject, …",
///     gauge: MetricDefinition("hub_hosts", .gauge, labels: ["state"], summary: "hosts by staleness"),
///     statusKey: "hosts", statusLabel: "HOSTS"
/// )
/// Slice(…, eventTypes: watch.eventTypes, metrics: [watch.gauge], statusSections: [watch.statusSection]) { environment in
///     SliceParts(checkers: [watch.checker(in: environment)], samplers: [watch.sampler(in: environment)])
/// }
/// ```
package struct StalenessWatch: Sendable {
    package let checkerName: String
    package let eventPrefix: String
    /// A query over the slice's own tables yielding `subject`, `customer_id` and
    /// `last_seen_at` (see ``DeadMansSwitch``).
    package let subjectsSQL: String
    /// A gauge with a `state` label: subjects `ok`, `stale`, `down`, `never` reported.
    package let gauge: MetricDefinition
    package let statusKey: String
    package let statusLabel: String

    package init(checker: String, eventPrefix: String, subjectsSQL: String, gauge: MetricDefinition, statusKey: String, statusLabel: String) {
        self.checkerName = checker
        self.eventPrefix = eventPrefix
        self.subjectsSQL = subjectsSQL
        self.gauge = gauge
        self.statusKey = statusKey
        self.statusLabel = statusLabel
    }

    /// `<prefix>_stale`, `<prefix>_down`, `<prefix>_recovered`.
    package var eventTypes: [String] { DeadMansSwitch.eventTypes(prefix: eventPrefix) }

    package func checker(in environment: SliceEnvironment) -> DeadMansSwitch {
        let configuration = environment.configuration
        return DeadMansSwitch(
            name: checkerName, eventPrefix: eventPrefix, subjectsSQL: subjectsSQL,
            staleAfter: configuration.staleAfter, downAfter: configuration.downAfter,
            database: environment.database, events: environment.events
        )
    }

    /// The subjects by state now, with the configured thresholds.
    package func census(in db: any DatabaseSession, now: Date, configuration: HubConfiguration) throws -> StalenessCensus {
        try StalenessCensus.count(
            subjectsSQL: subjectsSQL, staleAfter: configuration.staleAfter, downAfter: configuration.downAfter, now: now, in: db
        )
    }

    /// Refreshes the gauge before each scrape.
    package func sampler(in environment: SliceEnvironment) -> any MetricsSampler {
        Sampler(watch: self, database: environment.database, clock: environment.clock, configuration: environment.configuration)
    }

    /// `HOSTS  120: 117 ok, 2 stale, 1 down, 0 never` on the screen, the census in JSON.
    package var statusSection: StatusSection {
        StatusSection(key: statusKey, label: statusLabel) { [self] context, db in
            let census = try census(in: db, now: context.now, configuration: context.configuration)
            return StatusReading(value: census, line: census.summaryLine)
        }
    }

    struct Sampler: MetricsSampler {
        let watch: StalenessWatch
        let database: HubDatabase
        let clock: any HubClock
        let configuration: HubConfiguration

        func sample(into metrics: HubMetrics) async throws {
            let census = try await database.read { db in try watch.census(in: db, now: clock.now(), configuration: configuration) }
            census.record(as: watch.gauge, into: metrics)
        }
    }
}
