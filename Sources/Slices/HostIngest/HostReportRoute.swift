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
    /// Where later slices' sources of envelope fields are (``HostIngestSlice/envelopeSources``):
    /// read when a report comes, since later slices are assembled after this one.
    let contributions: Contributions
    /// The envelope's members in order, with every declared field's placeholder.
    let envelopeLayout: EnvelopeLayout
    let metrics: HubMetrics
    let pollIntervalSeconds: Int

    var route: SliceRoute {
        SliceRoute(.post, "/api/v1/host-report", access: .kinds([.global, HostIngestVocabulary.hostKind]), bodyLimit: Self.bodyLimit, quietWhenSuccessful: true) { request in
            let started = ContinuousClock.now
            defer { metrics.recordDuration(HostIngestMetrics.ingestDuration, since: started) }
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
            // A revoked host is refused on every path, the operator's bootstrap included.
            guard host.revokedAt == nil else { throw HubError.unauthorized }
            (hostID, customerID) = (host.hostID, host.customerID)
        }
        var applying: [any ControlEnvelopeSource] = []
        for source in contributions.all(for: HostIngestSlice.envelopeSources) where try await source.applies(toCustomer: customerID) {
            applying.append(source)
        }
        let outcome = try await writer.write(.init(
            report: report, raw: String(buffer: request.body), hostID: hostID, customerID: customerID,
            receivedAt: Timestamp.format(clock.now()), sources: applying
        ))
        let envelope = ControlEnvelope(pollIntervalSeconds: pollIntervalSeconds, blocked: outcome.blocked, fields: outcome.fields)
        return .rawJSON(ByteBuffer(string: envelopeLayout.json(envelope)))
    }
}
