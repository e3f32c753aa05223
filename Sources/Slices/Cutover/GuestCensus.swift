import Kernel

/// The controller guests' dead-man's switch: each guest that has reported is a subject,
/// silent since its last report. Runs inside ``FleetStaleness``.
enum GuestCensus {
    static let watch = StalenessWatch(
        checker: CutoverVocabulary.guestStalenessChecker, eventPrefix: CutoverVocabulary.guestPrefix,
        subjectsSQL: GuestReportStore.stalenessSubjectsSQL,
        gauge: MetricDefinition("hub_guests", .gauge, labels: ["state"], summary: "controller guests by staleness (ok, stale, down, never)"),
        statusKey: "guests", statusLabel: "GUESTS"
    )
}
