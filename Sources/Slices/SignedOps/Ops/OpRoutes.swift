import Foundation
import HostIngestSlice
import Kernel
import NIOCore

/// Ops: the operator issues them (`POST /api/v1/admin/hosts/{host_id}/ops`) and lists a
/// host's (`GET` the same path, newest first, `?status=` and `?limit=`), the host
/// fetches its pending ones (`GET /api/v1/host-ops`) and reports each one's result
/// (`POST /api/v1/host-ops/{op_id}/result`).
struct OpRoutes: Sendable {
    /// Room for 64 KiB of output even when every character arrives JSON-escaped.
    static let resultBodyLimit = 512 * 1024

    let store: OpStore
    let keys: OpsKeyRing
    let cohort: CohortGate
    let clock: any HubClock

    var routes: [SliceRoute] {
        [
            SliceRoute(.post, "/api/v1/admin/hosts/{host_id}/ops", access: .global) { request in
                let hostID = try request.parameter("host_id")
                let body = try request.decode(OpRequest.self, errorCode: "invalid_op")
                let issued = try await OpIssuer(store: store, keys: keys, clock: clock).issue(body, to: hostID)
                return try .json(issued, status: .created)
            },
            SliceRoute(.get, "/api/v1/admin/hosts/{host_id}/ops", access: .global) { request in
                let hostID = try request.parameter("host_id")
                let status = try request.query["status"].map { text -> OpRecord.Status in
                    guard let status = OpRecord.Status(rawValue: text) else {
                        throw HubError.badRequest("invalid_query", "status must be pending, succeeded, failed or expired")
                    }
                    return status
                }
                let limit = try request.query["limit"].map { text -> Int in
                    guard let limit = Int(text), (1...1000).contains(limit) else { throw HubError.badRequest("invalid_query", "limit must be 1 to 1000") }
                    return limit
                } ?? 100
                return try .json(try await store.list(hostID: hostID, status: status, limit: limit, now: clock.now()))
            },
            SliceRoute(.get, "/api/v1/host-ops", access: .kinds([HostIngestVocabulary.hostKind])) { request in
                let host = try await cohort.admit(request)
                let envelopes = try await store.pendingEnvelopes(hostID: host.hostID, now: clock.now())
                return .rawJSON(ByteBuffer(string: #"{"ops":["# + envelopes.joined(separator: ",") + "]}"))
            },
            SliceRoute(.post, "/api/v1/host-ops/{op_id}/result", access: .kinds([HostIngestVocabulary.hostKind]), bodyLimit: Self.resultBodyLimit) { request in
                let host = try await cohort.admit(request)
                let opID = try request.parameter("op_id")
                let result = try request.decode(OpResultBody.self, errorCode: "invalid_result")
                try await store.close(opID: opID, hostID: host.hostID, result: result, now: clock.now())
                return try .json(["op_id": opID, "status": result.outcome.rawValue])
            },
        ]
    }
}
