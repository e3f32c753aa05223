import ControllerSlice
import GRDB
import Kernel
import Logging

/// Stores one accepted host report: the report row, the host's reality columns and its
/// guests (an upsert per group of guests, ``GuestGroups``), together. Reports arriving
/// together share a commit (see ``GroupCommit``); each is acknowledged only after its
/// commit. A guest whose upsert fails is rolled back on its own and logged, its
/// group-mates written one by one; the report still counts (liveness first).
/// Hand-written on purpose: it runs once per report, and records would allocate an
/// encoder and a dictionary of columns per row (see ``HostStore``'s prepared statements).
struct HostReportWriter: Sendable {
    let store: HostStore
    let writes: GroupCommit
    let logger: Logger
    let metrics: HubMetrics

    struct Accepted: Sendable {
        let report: HostReport
        let raw: String
        let hostID: String
        let customerID: String
        /// `received_at` in the stored form, formatted once for the report row, the host
        /// and every guest the report names.
        let receivedAt: String
        let sources: [any ControlEnvelopeSource]
    }

    struct Outcome: Sendable {
        let blocked: Bool
        /// What the sources said for this host (placeholders are the route's).
        let fields: [String: EnvelopeValue]
    }

    func write(_ accepted: Accepted) async throws -> Outcome {
        let outcome = try await writes.write { db in try store(accepted, in: db) }
        metrics.countStoredReport(kind: "host")
        return outcome
    }

    func store(_ accepted: Accepted, in db: any DatabaseSession) throws -> Outcome {
        try store.saveHostReport(
            accepted.report, raw: accepted.raw, hostID: accepted.hostID, customerID: accepted.customerID,
            receivedAt: accepted.receivedAt, in: db
        )
        for group in GuestGroups.split(accepted.report.guests) {
            do {
                try db.inSavepoint {
                    try store.upsertGuestsFromReport(group, hostID: accepted.hostID, seenAt: accepted.receivedAt, in: db)
                }
            } catch where group.count > 1 {
                // Which guest failed is found by writing the group's guests one by one.
                for guest in group { upsertAlone(guest, accepted, in: db) }
            } catch {
                logGuestFailure(group[group.startIndex], accepted, error)
            }
        }
        var fields: [String: EnvelopeValue] = [:]
        for source in accepted.sources {
            fields.merge(try source.fields(forHost: accepted.hostID, in: db)) { _, later in later }
        }
        return Outcome(blocked: try CustomerDirectory().isBlocked(accepted.customerID, in: db), fields: fields)
    }

    private func upsertAlone(_ guest: HostReport.ReportedGuest, _ accepted: Accepted, in db: any DatabaseSession) {
        do {
            try db.inSavepoint {
                try store.upsertGuestsFromReport([guest], hostID: accepted.hostID, seenAt: accepted.receivedAt, in: db)
            }
        } catch {
            logGuestFailure(guest, accepted, error)
        }
    }

    private func logGuestFailure(_ guest: HostReport.ReportedGuest, _ accepted: Accepted, _ error: any Error) {
        logger.warning("guest upsert failed; report kept", metadata: [
            "host_id": "\(accepted.hostID)", "vmid": "\(guest.vmid)", "error": "\(error)",
        ])
    }
}
