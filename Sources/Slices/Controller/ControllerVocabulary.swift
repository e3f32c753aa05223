import Kernel

/// The names the controller slice registers: its flags and event types.
public enum ControllerVocabulary {
    public static let sliceName = "controller"

    public static let autoBlockOnDeadline = "auto_block_on_deadline"
    public static let webhooksAllowPrivateTargets = "webhooks_allow_private_targets"

    static let flags: [FlagDefinition] = [
        FlagDefinition(name: autoBlockOnDeadline, summary: "a passed paid_until blocks the customer", cohortCapable: true, default: false),
        FlagDefinition(name: webhooksAllowPrivateTargets, summary: "webhook URLs may point at loopback, link-local or private addresses", default: false),
    ]

    static let stalenessPrefix = "controller"
    static let deadlineWarning = "deadline_warning"
    static let deadlinePassed = "deadline_passed"
    static let customerBlocked = "customer_blocked"

    static let eventTypes = DeadMansSwitch.eventTypes(prefix: stalenessPrefix) + [deadlineWarning, deadlinePassed, customerBlocked]
}
