import Foundation
import GRDB
import Kernel

/// Customers' controllers by staleness state (ok, stale, down, never reported).
public enum ControllerCensus {
    static let subjectsSQL = "SELECT customer_id AS subject, customer_id, last_report_at AS last_seen_at FROM customer_configs"

    public static func count(in db: Database, now: Date, configuration: HubConfiguration) throws -> StalenessCensus {
        try StalenessCensus.count(
            subjectsSQL: subjectsSQL, staleAfter: configuration.staleAfter, downAfter: configuration.downAfter, now: now, in: db
        )
    }
}
