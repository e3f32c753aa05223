import Foundation
import HostIngestSlice
import Kernel

/// Signed-ops' section of a host's dashboard page: the host's desired state with the
/// form that replaces it, and its ops, newest first, with their results and the form
/// that issues one (both ask for confirmation, see ``SignedOpsDashboard``).
struct OpsSection: Sendable {
    /// How many of the host's ops the page lists (one more is read, to know whether
    /// there are more).
    static let listedOps = 50
    static let position = 20

    let database: HubDatabase
    let flags: FlagBook
    let clock: any HubClock

    struct OpRow {
        let opID: String
        let seq: Int64
        let type: String
        let args: String
        let status: String
        let issuedAt: String
        let expiresAt: String
        let closedAt: String?
        let output: String?
    }

    struct OpTypeOption {
        let name: String
        let arguments: String
    }

    struct Section {
        let hostID: String
        let customerID: String
        let outsideCohort: Bool
        let isRevoked: Bool
        let generation: Int64
        /// The desired state, pretty-printed; `nil` while none was set.
        let desired: String?
        /// What the form starts with: the current state, or an empty object.
        let desiredDraft: String
        let ops: [OpRow]
        let hasOps: Bool
        /// Whether the host has more ops than are listed.
        let isTruncated: Bool
        let listedOps: Int
        let types: [OpTypeOption]
        let defaultTTL: Int
        let maximumTTL: Int
        let here: String
        let opsAction: String
        let desiredAction: String
    }

    var section: DashboardSection {
        DashboardSection(position: Self.position) { request in
            let hostID = try request.parameter("host_id")
            let now = clock.now()
            let read = try await database.read { db -> (isRevoked: Bool, desired: HostDesiredState.Current, ops: [OpListing])? in
                guard let host = try HostStore.host(hostID, in: db), let desired = try HostDesiredState.current(hostID: hostID, in: db) else { return nil }
                return (host.revokedAt != nil, desired, try OpListing.list(hostID: hostID, status: nil, limit: Self.listedOps + 1, now: now, in: db))
            }
            guard let (isRevoked, desired, ops) = read else { return nil }
            let here = HostIngestSlice.hostPage(hostID)
            // A stored state this hub cannot read back (nested deeper than its decoder
            // goes) is shown as stored rather than failing the whole page.
            let pretty = desired.desiredJSON.map { (try? Self.prettyPrinted($0)) ?? $0 }
            let section = Section(
                hostID: hostID, customerID: desired.customerID,
                outsideCohort: try await !flags.isEnabled(SignedOpsVocabulary.signedOps, for: desired.customerID),
                isRevoked: isRevoked, generation: desired.generation, desired: pretty, desiredDraft: pretty ?? "{}",
                ops: ops.prefix(Self.listedOps).map(Self.row), hasOps: !ops.isEmpty, isTruncated: ops.count > Self.listedOps,
                listedOps: Self.listedOps,
                types: OpRegistry.types.map { OpTypeOption(name: $0.name, arguments: Self.describe($0.arguments)) },
                defaultTTL: OpRequest.defaultTTL, maximumTTL: OpRequest.maximumTTL,
                here: here, opsAction: here + "/ops", desiredAction: here + "/desired"
            )
            return Self.template.render(section, for: request)
        }
    }

    static func row(_ op: OpListing) -> OpRow {
        OpRow(
            opID: op.opID, seq: op.seq, type: op.type, args: op.argsJSON, status: op.status,
            issuedAt: DashboardTime.display(op.issuedAt), expiresAt: DashboardTime.display(op.expiresAt),
            closedAt: op.closedAt.map(DashboardTime.display), output: op.output.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// `vmid (a guest's vmid, required)`: what an op type takes, for the form's hints.
    static func describe(_ arguments: [OpArgument]) -> String {
        guard !arguments.isEmpty else { return "no arguments" }
        return arguments.map { argument in
            let kind = switch argument.kind {
            case .guestVMID: "a guest's vmid"
            case .version: "an agent version"
            }
            return "\(argument.name) (\(kind), \(argument.required ? "required" : "optional"))"
        }.joined(separator: ", ")
    }

    /// The stored canonical text, indented for reading, keys still sorted.
    static func prettyPrinted(_ canonicalJSON: String) throws -> String {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(canonicalJSON.utf8))
        let encoder = WireJSON.makeEncoder(keys: .asDeclared)
        encoder.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="signed-ops" aria-labelledby="signed-ops-title">
        <h2 id="signed-ops-title">Desired state and signed ops</h2>
        {{#outsideCohort}}<p class="muted" id="signed-ops-cohort">The <code>signed_ops</code> flag is off for customer {{customerID}}: this host fetches neither its desired state nor its ops until it is on.</p>{{/outsideCohort}}
        <h3>Desired state</h3>
        <p>Generation <strong id="desired-generation">{{generation}}</strong></p>
        {{#desired}}<pre id="desired-state">{{desired}}</pre>{{/desired}}
        {{^desired}}<p class="muted" id="desired-state-none">No desired state has been set.</p>{{/desired}}
        {{^isRevoked}}<form method="post" action="{{desiredAction}}" class="stack" id="set-desired">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="desired-json">New desired state (a JSON object; signed and served to the host as is)
        <textarea id="desired-json" name="desired" rows="8" required>{{desiredDraft}}</textarea></label>
        <button type="submit" id="set-desired-submit">Set the desired state</button>
        </form>{{/isRevoked}}

        <h3>Ops</h3>
        {{^hasOps}}<p class="muted" id="host-ops-none">No op has been issued to this host.</p>{{/hasOps}}
        {{#hasOps}}<div class="table-scroll"><table class="data" id="host-ops">
        <thead><tr><th scope="col" class="number">Seq</th><th scope="col">Op</th><th scope="col">Type</th><th scope="col">Arguments</th><th scope="col">Status</th>
        <th scope="col">Issued (UTC)</th><th scope="col">Expires (UTC)</th><th scope="col">Closed (UTC)</th><th scope="col">Output</th></tr></thead>
        <tbody>
        {{#ops}}<tr id="op-{{opID}}" data-status="{{status}}"><td class="number">{{seq}}</td><td><code>{{opID}}</code></td><td>{{type}}</td><td><code>{{args}}</code></td>
        <td><span class="state state-{{status}}">{{status}}</span></td><td>{{issuedAt}}</td><td>{{expiresAt}}</td>
        <td>{{#closedAt}}{{closedAt}}{{/closedAt}}</td><td>{{#output}}<pre>{{output}}</pre>{{/output}}</td></tr>
        {{/ops}}
        </tbody></table></div>{{/hasOps}}
        {{#isTruncated}}<p class="muted">The newest {{listedOps}} are shown; the admin API lists more.</p>{{/isTruncated}}

        <h3>Issue an op</h3>
        {{#isRevoked}}<p class="muted" id="issue-op-revoked">This host is revoked: it fetches nothing any more, so no op can be issued to it.</p>{{/isRevoked}}
        {{^isRevoked}}<form method="post" action="{{opsAction}}" class="stack" id="issue-op">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="op-type">Type <select id="op-type" name="type" aria-describedby="op-types-help">
        {{#types}}<option value="{{name}}">{{name}}</option>{{/types}}
        </select></label>
        <ul id="op-types-help" class="muted">{{#types}}<li><code>{{name}}</code>: {{arguments}}</li>{{/types}}</ul>
        <label for="op-args"><span>Arguments (a JSON object, such as <code>{"vmid": 101}</code>; empty for none)</span>
        <textarea id="op-args" name="args" rows="3">{}</textarea></label>
        <label for="op-ttl">Expires after (seconds, 1 to {{maximumTTL}})
        <input id="op-ttl" name="ttl_seconds" type="number" min="1" max="{{maximumTTL}}" value="{{defaultTTL}}"></label>
        <button type="submit" class="primary" id="issue-op-submit">Issue the op</button>
        </form>{{/isRevoked}}
        </section>
        """)
}
