import Foundation
import GRDB
import Kernel

/// `POST /api/v1/report`: a controller's heartbeat on the legacy path.
struct ReportRoute {
    let writes: GroupCommit
    let clock: any HubClock
    let metrics: HubMetrics
    let pollIntervalSeconds: Int

    var route: SliceRoute {
        SliceRoute(.post, ControllerVocabulary.reportPath, access: .kinds([.global, CustomerKeyStrategy.principalKind]), bodyLimit: 1 << 20, quietWhenSuccessful: true) { request in
            try await handle(request)
        }
    }

    func handle(_ request: HubRequest) async throws -> HubResponse {
        let principal = try request.requirePrincipal()
        let report = try request.decode(ControllerReport.self, errorCode: "invalid_report")
        let customerID: String
        if principal.isGlobal {
            guard let named = report.customerID, !named.isEmpty else {
                throw HubError.badRequest("invalid_report", "customer_id: required under the global key")
            }
            customerID = named
        } else {
            if let named = report.customerID, named != principal.id {
                throw HubError(.forbidden, "customer_mismatch", "customer_id does not match this key's customer")
            }
            customerID = principal.id
        }
        let receivedAt = Timestamp(clock.now())
        let raw = String(buffer: request.body)
        let blocked = try await writes.write { db -> Bool in
            guard let status = try CustomerDirectory().status(of: customerID, in: db) else {
                throw HubError.badRequest("unknown_customer", "no customer \(customerID)")
            }
            try db.execute(
                sql: """
                    INSERT INTO reports (customer_id, reported_at, received_at, controller_version, hostname, disk_percent, last_backup_at, raw_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    customerID, report.reportedAt, receivedAt, report.controllerVersion, report.hostname,
                    report.diskPercent, report.lastBackupAt, raw,
                ]
            )
            try CustomerDirectory().markReported(customerID, at: receivedAt, in: db)
            return status == .blocked
        }
        metrics.countStoredReport(kind: "controller")
        return try .json(ReportAcknowledgement(pollIntervalSeconds: pollIntervalSeconds, blocked: blocked))
    }
}
