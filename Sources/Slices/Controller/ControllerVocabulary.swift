import Kernel

/// The names the controller slice registers: its flags and event types.
package enum ControllerVocabulary {
    package static let sliceName = "controller"

    package static let autoBlockOnDeadline = "auto_block_on_deadline"
    package static let webhooksAllowPrivateTargets = "webhooks_allow_private_targets"

    static let flags: [FlagDefinition] = [
        FlagDefinition(name: autoBlockOnDeadline, summary: "a passed paid_until blocks the customer", cohortCapable: true, default: false),
        FlagDefinition(name: webhooksAllowPrivateTargets, summary: "webhook URLs may point at loopback, link-local or private addresses", default: false),
    ]

    /// Where controllers report (agent protocol §3); a later slice may take the path over.
    package static let reportPath = "/api/v1/report"

    static let stalenessPrefix = "controller"
    static let deadlineWarning = "deadline_warning"
    static let deadlinePassed = "deadline_passed"
    static let customerBlocked = "customer_blocked"

    /// A webhook delivery was given up. Recorded for the operator (admin events API);
    /// never itself delivered by webhook, so a dead receiver cannot feed a loop.
    package static let notificationFailed = "notification_failed"
    /// The checker name under which controller staleness states are recorded.
    package static let stalenessChecker = "controller_staleness"

    static let eventTypes = ControllerCensus.watch.eventTypes
        + [deadlineWarning, deadlinePassed, customerBlocked, notificationFailed]
}
