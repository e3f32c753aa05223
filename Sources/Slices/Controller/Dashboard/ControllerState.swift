import Foundation
import Kernel

/// How a customer's controller is reporting, as the dashboard shows and filters it: `ok`,
/// `stale`, `down`, or `never` (it has not reported yet).
///
/// Worked out from `last_report_at` with the hub's thresholds, exactly as the
/// controllers' census counts (``ControllerCensus``, `hub status`, `/metrics`), so a count
/// on the overview and the list it links to agree. The checker's recorded states lag by
/// up to a tick, and stop moving once the cutover takes the checker over, while
/// `last_report_at` is kept on either report path.
enum ControllerState: String, CaseIterable, Sendable {
    case ok, stale, down, never

    /// The state `filter` names; an empty or absent filter is none, anything else a 400.
    static func filter(_ text: String?) throws -> ControllerState? {
        guard let text else { return nil }
        guard let state = ControllerState(rawValue: text) else {
            throw HubError.badRequest("invalid_query", "controller must be one of ok, stale, down, never")
        }
        return state
    }

    /// A SQL expression of a row of `customer_configs` yielding its state; bind
    /// ``arguments(now:configuration:)`` to its placeholders, in that order.
    static let sqlExpression = StalenessCensus.stateSQL(lastSeen: "last_report_at")

    static func arguments(now: Date, configuration: HubConfiguration) -> [String] {
        StalenessCensus.stateArguments(staleAfter: configuration.staleAfter, downAfter: configuration.downAfter, now: now)
    }
}
