import Foundation
import GRDB
import Kernel

/// Hosts by staleness state (ok, stale, down, never reported).
public enum HostCensus {
    public static func count(in db: Database, now: Date, configuration: HubConfiguration) throws -> StalenessCensus {
        try StalenessCensus.count(
            subjectsSQL: HostStore.stalenessSubjectsSQL, staleAfter: configuration.staleAfter, downAfter: configuration.downAfter,
            now: now, in: db
        )
    }
}
