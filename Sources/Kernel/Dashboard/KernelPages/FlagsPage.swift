import Foundation

/// `/ui/flags`: every flag of the enabled slices with its value, source and cohort; a
/// form per flag to switch it or change its cohort; and the audit trail of who changed
/// what (a dashboard change is audited under its session).
struct FlagsPage: Sendable {
    let flags: FlagBook

    struct FlagRow {
        let name: String
        let slice: String
        let state: String
        let source: String
        let customers: String
        let retired: Bool
        let enabled: Bool
        let action: String
    }

    struct AuditRow {
        let changedAt: String
        let actor: String
        let flag: String
        let before: String
        let after: String
    }

    var pages: [DashboardPage] {
        [
            DashboardPage("/ui/flags", navigation: DashboardNavigation(label: "Flags", position: 60)) { request in
                let rows = try await flags.states().map { flag in
                    FlagRow(
                        name: flag.name, slice: flag.slice,
                        state: flag.source == .retired ? "retired" : flag.enabled ? "on" : "off", source: flag.source.rawValue,
                        customers: flag.customers.joined(separator: ", "), retired: flag.source == .retired, enabled: flag.enabled,
                        action: "/ui/flags/" + DashboardLink.segment(flag.name)
                    )
                }
                let audit = try await flags.auditTrail(limit: 50).map { entry in
                    AuditRow(
                        changedAt: DashboardTime.display(entry.changedAt), actor: entry.actor, flag: entry.flag,
                        before: entry.oldValueJSON, after: entry.newValueJSON
                    )
                }
                return DashboardView(
                    title: "Flags",
                    body: Self.template.render(["flags": rows, "audit": audit, "hasAudit": !audit.isEmpty] as [String: Any], for: request)
                )
            },
        ]
    }

    var actions: [DashboardAction] {
        [
            DashboardAction("/ui/flags/{name}") { request in
                let name = try request.parameter("name")
                let enabled: Bool
                switch request.form["enabled"] {
                case "on": enabled = true
                case "off": enabled = false
                default: throw HubError.badRequest("invalid_flag", "Choose on or off.")
                }
                let customers = (request.form["customers"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" })
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                do {
                    let state = try await flags.set(name, enabled: enabled, customers: customers, actor: request.actor)
                    let cohort = state.customers.isEmpty ? "" : " for \(state.customers.joined(separator: ", "))"
                    return .redirect(to: "/ui/flags", notice: "\(name) is now \(state.enabled ? "on" : "off")\(cohort).")
                } catch let error as FlagError {
                    throw error.hubError
                }
            },
        ]
    }

    static let template = DashboardTemplate("""
        <div class="table-scroll"><table class="data" id="flags">
        <thead><tr><th scope="col">Flag</th><th scope="col">Slice</th><th scope="col">Value</th><th scope="col">Source</th><th scope="col">Cohort</th><th scope="col">Change</th></tr></thead>
        <tbody>
        {{#flags}}<tr id="flag-{{name}}">
        <td><code>{{name}}</code></td><td>{{slice}}</td><td><span class="state state-{{state}}">{{state}}</span></td><td>{{source}}</td><td>{{customers}}</td>
        <td>{{^retired}}<form method="post" action="{{action}}" class="filters">{{> csrf}}
        <fieldset><legend class="muted">Value of {{name}}</legend>
        <label><span><input type="radio" name="enabled" value="on"{{#enabled}} checked{{/enabled}}> on</span></label>
        <label><span><input type="radio" name="enabled" value="off"{{^enabled}} checked{{/enabled}}> off</span></label>
        </fieldset>
        <label for="customers-{{name}}">Only for customers (comma-separated; empty: everyone)
        <input id="customers-{{name}}" name="customers" value="{{customers}}"></label>
        <input type="hidden" name="return_to" value="/ui/flags">
        <button type="submit">Save</button></form>{{/retired}}{{#retired}}<span class="muted">retired: cannot be set</span>{{/retired}}</td>
        </tr>
        {{/flags}}
        </tbody></table></div>
        <h2>Audit trail</h2>
        {{^hasAudit}}<p class="muted">No flag has been changed at run time.</p>{{/hasAudit}}
        {{#hasAudit}}<div class="table-scroll"><table class="data" id="flag-audit">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Flag</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
        <tbody>{{#audit}}<tr><td>{{changedAt}}</td><td>{{actor}}</td><td><code>{{flag}}</code></td><td><code>{{before}}</code></td><td><code>{{after}}</code></td></tr>{{/audit}}</tbody>
        </table></div>{{/hasAudit}}
        """)
}
