import Kernel

/// The environment variables the controller slice reads.
package enum ControllerSettings {
    /// What agents are told in `poll_interval_seconds`: how often to report. Exported:
    /// host-ingest answers hosts with the same interval.
    package static let pollInterval = Setting.positiveInteger(
        "HUB_POLL_INTERVAL_SECONDS", summary: "how often agents are told to report (`poll_interval_seconds`)", default: 900
    )
    /// How long after an event its webhook delivery is retried before it is given up and
    /// recorded as `notification_failed`.
    package static let giveUpAfter = Setting.positiveInteger(
        "HUB_WEBHOOK_GIVE_UP_SECONDS", summary: "how long a webhook delivery is retried before it is given up", default: 86_400
    )

    static let all = [pollInterval.definition, giveUpAfter.definition]
}
