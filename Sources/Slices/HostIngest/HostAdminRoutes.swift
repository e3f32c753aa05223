import GRDB
import Kernel

/// The hosts part of the admin API: the provisional mint (behind `admin_mint`), the
/// listing and one host in detail.
struct HostAdminRoutes: Sendable {
    let store: HostStore
    let database: HubDatabase
    /// Where later slices' facts about guests are (``HostIngestSlice/guestFacts``).
    let contributions: Contributions

    struct MintRequest: Decodable {
        let customerID: String
        let label: String?

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id"
            case label
        }
    }

    struct HostList: Encodable { let hosts: [HostDetail] }

    var routes: [SliceRoute] {
        [
            SliceRoute(.post, "/api/v1/admin/hosts", access: .global, gate: HostIngestVocabulary.adminMint) { request in
                let body = try request.decode(MintRequest.self, errorCode: "invalid_host")
                let minted = try await store.mint(customerID: body.customerID, label: body.label)
                return try .json(KeyShownOnce.host(minted.host.hostID, apiKey: minted.apiKey), status: .created)
            },
            SliceRoute(.get, "/api/v1/admin/hosts", access: .global) { request in
                let hosts = try await store.hosts(customerID: request.query["customer_id"])
                let states = try await stalenessStates()
                return try .json(HostList(hosts: hosts.map { HostDetail(host: $0, staleness: Self.staleness($0, states), guests: nil, lastReport: nil) }))
            },
            SliceRoute(.get, "/api/v1/admin/hosts/{host_id}", access: .global) { request in
                let hostID = try request.parameter("host_id")
                guard let host = try await store.host(hostID) else { throw HubError.notFound("no host \(hostID)") }
                return try .json(HostDetail(
                    host: host, staleness: Self.staleness(host, try await stalenessStates()),
                    guests: try await guestDetails(hostID: hostID), lastReport: try await store.latestReport(hostID: hostID)
                ))
            },
        ]
    }

    static func staleness(_ host: Host, _ states: [String: String]) -> String {
        if host.revokedAt != nil { return "revoked" }
        return host.lastReportAt == nil ? "never" : states[host.hostID] ?? "ok"
    }

    /// The host's guests with what enabled later slices know of each.
    private func guestDetails(hostID: String) async throws -> [GuestDetail] {
        let sources = contributions.all(for: HostIngestSlice.guestFacts)
        return try await database.read { db in try GuestDetail.all(hostID: hostID, sources: sources, in: db) }
    }

    private func stalenessStates() async throws -> [String: String] {
        try await database.read { db in
            var states: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT subject, state FROM \(SubjectStates.table) WHERE checker = ?", arguments: [HostIngestVocabulary.stalenessChecker]) {
                states[row["subject"]] = row["state"]
            }
            return states
        }
    }
}
