import Kernel

/// The names the cutover slice registers: its key kind, checkers and event types.
package enum CutoverVocabulary {
    package static let sliceName = "cutover"

    /// A guest key: one controller guest, `<host_id>/<vmid>`, and through its host a customer.
    package static let guestKind: PrincipalKind = "guest"

    /// The one staleness checker of hosts and controller guests after the cutover.
    static let fleetChecker = "staleness"
    /// The name under which guests' states are recorded (a controller's open state is
    /// carried over to it by the migration).
    package static let guestStalenessChecker = "guest_staleness"
    static let guestPrefix = "guest"

    static let eventTypes = GuestCensus.watch.eventTypes
}
