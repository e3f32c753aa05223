import ControllerSlice
import Foundation
import GRDB
import Kernel

/// `POST /api/v1/report` after the cutover (agent protocol §8): a controller reports as
/// its guest, with the guest's key; the report lands in `guest_reports`, raw body kept
/// byte-for-byte, and the answer is the controller's as before. Customer and global keys
/// are answered as unknown (401): they are no longer keys on this path.
struct GuestReportRoute {
    let writes: GroupCommit
    let clock: any HubClock
    let metrics: HubMetrics
    let pollIntervalSeconds: Int

    var route: SliceRoute {
        SliceRoute(
            .post, ControllerVocabulary.reportPath, access: .exclusively([CutoverVocabulary.guestKind]), bodyLimit: 1 << 20,
            quietWhenSuccessful: true
        ) { request in
            try await handle(request)
        }
    }

    func handle(_ request: HubRequest) async throws -> HubResponse {
        let principal = try request.requirePrincipal()
        guard let customerID = principal.customerID else { throw HubError.unauthorized }
        let report = try request.decode(ControllerReport.self, errorCode: "invalid_report")
        if let named = report.customerID, named != customerID {
            throw HubError(.forbidden, "customer_mismatch", "customer_id does not match this key's customer")
        }
        let receivedAt = Timestamp(clock.now())
        let raw = String(buffer: request.body)
        let guestID = principal.id
        let blocked = try await writes.write { db -> Bool in
            let status = try CustomerDirectory().status(of: customerID, in: db)
            try GuestReportStore.insert(report, raw: raw, guestID: guestID, customerID: customerID, receivedAt: receivedAt, in: db)
            try CustomerDirectory().markReported(customerID, at: receivedAt, in: db)
            return status == .blocked
        }
        metrics.countStoredReport(kind: "guest")
        return try .json(ReportAcknowledgement(pollIntervalSeconds: pollIntervalSeconds, blocked: blocked))
    }
}
