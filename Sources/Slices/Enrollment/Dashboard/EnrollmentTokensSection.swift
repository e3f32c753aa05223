import ControllerSlice
import Foundation
import Kernel

/// The enrollment tokens on a customer's page: each one's label, dates, uses and state
/// — never the token, which only its hash stands for once shown —, a revoke button for
/// each token that still works, and the form that issues one (``EnrollmentTokenActions``).
struct EnrollmentTokensSection: Sendable {
    let tokens: TokenStore
    let clock: any HubClock

    struct Row {
        let tokenID: String
        let label: String?
        let created: String
        let expires: String
        let used: Int
        let uses: Int
        let state: String
        /// The badge's colour (``DashboardAssets``' vocabulary).
        let badge: String
        let isLive: Bool
        let revokeAction: String
    }

    struct Section {
        let rows: [Row]
        let hasTokens: Bool
        let issueAction: String
        let here: String
        let defaultLifetime: Int
        let longestLifetime: Int
        let mostUses: Int
    }

    var section: DashboardSection {
        DashboardSection(position: 10) { request in
            let customerID = try request.parameter("customer_id")
            let now = Timestamp(clock.now())
            let rows = try await tokens.tokens(customerID: customerID).map { token in Self.row(token, now: now) }
            let section = Section(
                rows: rows, hasTokens: !rows.isEmpty, issueAction: EnrollmentTokenActions.issuePath(customerID),
                here: ControllerSlice.customerPage(customerID), defaultLifetime: TokenRequest.defaultLifetime,
                longestLifetime: TokenRequest.longestLifetime, mostUses: TokenRequest.mostUses
            )
            return Self.template.render(section, for: request)
        }
    }

    /// A token as listed, with the one state that decides whether it still enrolls:
    /// revoked first, then used up, then expired (as the enrollment refuses it).
    static func row(_ token: EnrollmentToken, now: Timestamp) -> Row {
        let (state, badge): (String, String) =
            if let revoked = token.revokedAt { ("revoked \(DashboardTime.display(revoked))", "revoked") }
            else if token.used >= token.uses { ("used up", "expired") }
            else if token.expiresAt <= now { ("expired", "expired") }
            else { ("live", "active") }
        return Row(
            tokenID: token.tokenID, label: token.label, created: DashboardTime.display(token.createdAt),
            expires: DashboardTime.display(token.expiresAt), used: token.used, uses: token.uses, state: state, badge: badge,
            isLive: badge == "active", revokeAction: EnrollmentTokenActions.revokePath(token.tokenID)
        )
    }

    static let template = DashboardTemplate("""
        <section class="panel" id="enrollment-tokens" aria-labelledby="enrollment-tokens-title">
        <h2 id="enrollment-tokens-title">Enrollment tokens</h2>
        {{^hasTokens}}<p class="muted">No token was issued for this customer.</p>{{/hasTokens}}
        {{#hasTokens}}<div class="table-scroll"><table class="data" id="enrollment-tokens-table">
        <thead><tr><th scope="col">Token</th><th scope="col">Label</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col" class="number">Hosts enrolled</th><th scope="col">State</th><th scope="col">Revoke</th></tr></thead>
        <tbody>
        {{#rows}}<tr id="token-{{tokenID}}">
        <td><code>{{tokenID}}</code></td><td>{{label}}</td><td>{{created}}</td><td>{{expires}}</td>
        <td class="number">{{used}} of {{uses}}</td><td><span class="state state-{{badge}}">{{state}}</span></td>
        <td>{{#isLive}}<form method="post" action="{{revokeAction}}" class="inline" id="revoke-token-{{tokenID}}">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}"><button type="submit" class="danger" aria-label="Revoke token {{tokenID}}">Revoke</button></form>{{/isLive}}</td>
        </tr>
        {{/rows}}
        </tbody></table></div>{{/hasTokens}}
        <h3>Issue a token</h3>
        <p class="muted">A token turns a fresh host into one of this customer's hosts. It is shown once.</p>
        <form method="post" action="{{issueAction}}" class="stack" id="issue-token">{{> csrf}}<input type="hidden" name="return_to" value="{{here}}">
        <label for="token-label">Label, for operators (the host, the family) <input id="token-label" name="label" maxlength="200" autocomplete="off"></label>
        <label for="token-ttl">Valid for, in seconds (at most {{longestLifetime}}, 30 days) <input id="token-ttl" name="ttl_seconds" type="number" min="1" max="{{longestLifetime}}" value="{{defaultLifetime}}"></label>
        <label for="token-uses">Hosts it may enroll (at most {{mostUses}}) <input id="token-uses" name="uses" type="number" min="1" max="{{mostUses}}" value="1"></label>
        <button type="submit" class="primary">Issue a token</button>
        </form>
        </section>
        """)
}
