import Kernel

/// The controllers' dead-man's switch: each customer's controller is a subject, silent
/// since its last report.
enum ControllerCensus {
    static let watch = StalenessWatch(
        checker: ControllerVocabulary.stalenessChecker, eventPrefix: ControllerVocabulary.stalenessPrefix,
        subjectsSQL: "SELECT customer_id AS subject, customer_id, last_report_at AS last_seen_at FROM customer_configs",
        gauge: ControllerMetrics.controllers, statusKey: "controllers", statusLabel: "CONTROLLERS"
    )
}
