/// A webhook's host name has no address the hub may connect to: it does not resolve,
/// or one of its addresses is not public. One text covers both in what a customer's
/// delivery records, so that the record does not tell which names of the hub's network
/// exist; the operator's log has the reason.
struct UnreachableHostName: Error, CustomStringConvertible {
    /// What `last_error` and `notification_failed` say.
    static let summary = "the target's host name has no address the hub may connect to"

    let name: String
    /// Why, for the log.
    let reason: String

    var description: String { "\(name): \(reason)" }
}
