import Foundation
import Kernel
import NIOCore

/// `POST /api/v1/host-report`: the heartbeat of every host agent.
struct HostReportRoute: Sendable {
    static let bodyLimit = 4 * 1024 * 1024
    let store: HostStore
    let writer: HostReportWriter
    let flags: FlagBook
    let clock: any HubClock
    let contributions: Contributions
    let metrics: HubMetrics
    let pollIntervalSeconds: Int

    var route: SliceRoute {
        SliceRoute(.post, "/api/v1/host-report", access: .kinds([.global, HostIngestVocabulary.hostKind]), bodyLimit: Self.bodyLimit, quietWhenSuccessful: true) { request in
            let started = ContinuousClock.now
            defer { metrics.recordDuration(MetricName.ingestDuration, since: started) }
            return try await handle(request)
        }
    }

    func handle(_ request: HubRequest) async throws -> HubResponse {
        let principal = try request.requirePrincipal()
        let bootstrapAllowed = principal.isGlobal ? try await flags.isEnabled(HostIngestVocabulary.globalKeyBootstrap) : false
        guard HostAuthCheck.admits(principal, bootstrapAllowed: bootstrapAllowed) else { throw HubError.unauthorized }
        let report: HostReport
        do {
            report = try HostReport(body: request.body)
        } catch {
            throw HubError.badRequest("invalid_report", error.message)
        }
        let hostID: String
        let customerID: String
        switch try HostAuthCheck.check(principal, bodyHostID: report.hostID, bootstrapAllowed: bootstrapAllowed) {
        case .host(let id, let customer):
            (hostID, customerID) = (id, customer)
        case .globalBootstrap(let id):
            guard let host = try await store.host(id) else {
                throw HubError.badRequest("unknown_host", "no host \(id); mint it first")
            }
            (hostID, customerID) = (host.hostID, host.customerID)
        }
        var sources: [any ControlEnvelopeSource] = []
        for source in contributions.all(for: HostIngestSlice.controlSources) where try await source.applies(toCustomer: customerID) {
            sources.append(source)
        }
        let outcome = try await writer.write(.init(
            report: report, raw: String(buffer: request.body), hostID: hostID, customerID: customerID,
            receivedAt: Timestamp.format(clock.now()), sources: sources
        ))
        let envelope = ControlEnvelope(pollIntervalSeconds: pollIntervalSeconds, blocked: outcome.blocked, facts: outcome.facts)
        return .rawJSON(ByteBuffer(string: envelope.json))
    }
}
