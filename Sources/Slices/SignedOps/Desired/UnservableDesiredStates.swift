import Synchronization

/// The stored desired states the `GET` found it cannot sign, by host and generation,
/// so that each is logged once: the host asks again on every heartbeat until an
/// operator sets its desired state anew, and one error line says all there is to say.
final class UnservableDesiredStates: Sendable {
    private let logged = Mutex<Set<String>>([])

    /// Whether this host's desired state of this generation is met for the first time
    /// (it is remembered from now on).
    func isNew(hostID: String, generation: Int64) -> Bool {
        logged.withLock { $0.insert("\(hostID)#\(generation)").inserted }
    }
}
