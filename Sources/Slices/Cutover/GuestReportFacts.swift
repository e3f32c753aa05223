import GRDB
import HostIngestSlice
import Kernel

/// Adds to each guest of a host's detail its own `staleness` (`ok`,
/// `stale`, `down`, or `never` for a guest that has not reported as a controller) and
/// the time of its last report (`last_report_at`).
struct GuestReportFacts: GuestFactSource {
    func facts(forGuestsOf hostID: String, in db: any DatabaseSession) throws -> [String: [String: JSONValue]] {
        var facts: [String: [String: JSONValue]] = [:]
        for guest in try HostStore.guests(hostID: hostID, in: db) {
            facts[guest.guestID] = ["staleness": .string("never"), "last_report_at": .null]
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT h.guest_id AS guest_id, h.last_report_at AS last_report_at, COALESCE(k.state, 'ok') AS state
            FROM guest_report_heads AS h
            LEFT JOIN \(SubjectStates.table) AS k ON k.checker = ? AND k.subject = h.guest_id
            WHERE h.host_id = ?
            """, arguments: [CutoverVocabulary.guestStalenessChecker, hostID])
        for row in rows {
            facts[row["guest_id"]] = ["staleness": .string(row["state"]), "last_report_at": .string(row["last_report_at"])]
        }
        return facts
    }
}
