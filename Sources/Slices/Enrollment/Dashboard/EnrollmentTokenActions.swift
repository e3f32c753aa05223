import ControllerSlice
import Kernel

/// Issuing and revoking enrollment tokens from a customer's page, through the request
/// checks and the store `POST /api/v1/admin/enrollment-tokens`, `DELETE …/{token_id}` and
/// `hub enroll-token` use. The token is shown once, in answer to the post.
struct EnrollmentTokenActions: Sendable {
    let tokens: TokenStore

    static func issuePath(_ customerID: String) -> String {
        ControllerSlice.customerPage(customerID) + "/enrollment-tokens"
    }

    static func revokePath(_ tokenID: String) -> String {
        "/ui/enrollment-tokens/" + DashboardLink.segment(tokenID) + "/revoke"
    }

    var actions: [DashboardAction] {
        [
            DashboardAction("/ui/customers/{customer_id}/enrollment-tokens") { request in
                let customerID = try request.parameter("customer_id")
                let asked = try TokenRequest(
                    customerID: customerID, ttlSeconds: try Self.number(request.form, "ttl_seconds"),
                    uses: try Self.number(request.form, "uses"), label: request.form.text("label")
                )
                let issued = try await tokens.issue(asked)
                let token = issued.token
                return .view(SecretShownOnce(
                    title: "Enrollment token for \(customerID)",
                    summary: "Token \(token.tokenID) for \(customerID): it enrolls \(token.uses) host(s) until \(DashboardTime.display(token.expiresAt)) (UTC). Give it to the installer of the new host.",
                    elementID: "new-token", secret: issued.secret, usage: Self.usage(token: issued.secret),
                    nextHref: ControllerSlice.customerPage(customerID), nextLabel: "Back to customer \(customerID)"
                ).view(for: request))
            },
            DashboardAction("/ui/enrollment-tokens/{token_id}/revoke", confirmation: { request in
                let token = try await existing(request)
                let label = token.label.map { " (\($0))" } ?? ""
                return "Revoke enrollment token \(token.tokenID)\(label) of \(token.customerID)? It enrolls no host from now on; hosts it enrolled stay."
            }) { request in
                let token = try await existing(request)
                guard try await tokens.revoke(tokenID: token.tokenID) else { throw HubError.notFound("There is no enrollment token \(token.tokenID).") }
                return .redirect(
                    to: ControllerSlice.customerPage(token.customerID), notice: "Enrollment token \(token.tokenID) is revoked: it enrolls no more hosts."
                )
            },
        ]
    }

    private func existing(_ request: DashboardRequest) async throws -> EnrollmentToken {
        let tokenID = try request.parameter("token_id")
        guard let token = try await tokens.token(tokenID) else { throw HubError.notFound("There is no enrollment token \(tokenID).") }
        return token
    }

    /// A whole number from the form; `nil` when left empty (the default applies).
    static func number(_ form: FormFields, _ name: String) throws -> Int? {
        guard let text = form.text(name) else { return nil }
        guard let number = Int(text) else { throw HubError.badRequest("invalid_token_request", "\(name): must be a whole number") }
        return number
    }

    /// What the installer runs on the new host (the README's enrollment steps).
    static func usage(token: String) -> String {
        """
        On the new Proxmox host, with this hub's address for HUB:
        umask 077 && mkdir -p /etc/felhom
        curl -sf -X POST https://HUB/api/v1/enroll \\
          -d "{\\"token\\": \\"\(token)\\", \\"hostname\\": \\"$(hostname)\\", \\"agent_version\\": \\"AGENT_VERSION\\"}" \\
          > /etc/felhom/enrollment.json
        """
    }
}

extension TokenStore {
    /// One token as listed; `nil` when there is no such token.
    func token(_ tokenID: String) async throws -> EnrollmentToken? {
        try await database.read { db in try Self.token(tokenID, in: db) }
    }
}
