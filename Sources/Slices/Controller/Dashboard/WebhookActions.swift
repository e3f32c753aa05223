import Kernel

/// The customer page's webhook changes: set the URL, rotate the signing secret (asked
/// first), remove the webhook (asked first). Each is a ``CustomerChange`` checked and
/// applied as `PATCH /api/v1/admin/customers/{customer_id}` does: the URL through the
/// same ``WebhookTargetPolicy`` and flag, the secret made by the store. A secret that is
/// made is shown once, in answer to the post.
struct WebhookActions: Sendable {
    let store: CustomerStore
    let flags: FlagBook
    let webhookTargets: WebhookTargetPolicy

    var actions: [DashboardAction] {
        [
            DashboardAction("/ui/customers/{customer_id}/webhook") { request in
                let customerID = try await existing(request)
                guard let url = request.form.text("webhook_url") else {
                    throw HubError.badRequest(
                        "invalid_webhook_url", "Enter the webhook URL (http or https). To stop sending events, remove the webhook instead."
                    )
                }
                try await webhookTargets.check(url, for: customerID, flags: flags)
                let changed = try await store.apply(CustomerChange(webhookURL: .some(url)), to: customerID)
                guard let secret = changed.webhookSecret else {
                    return .redirect(to: CustomerPage.path(customerID), notice: "The webhook URL of \(customerID) is saved; its signing secret is unchanged.")
                }
                return shown(secret, of: customerID, title: "Webhook of \(customerID) set", request: request)
            },
            DashboardAction("/ui/customers/{customer_id}/webhook/rotate", confirmation: { request in
                let customerID = try await existing(request)
                return "Make a new signing secret for the webhook of \(customerID)? Events are signed with it at once; the receiver must be given it."
            }) { request in
                let customerID = try request.parameter("customer_id")
                let changed = try await store.apply(CustomerChange(rotateWebhookSecret: true), to: customerID)
                // The store makes a secret on every rotation, or refuses one without a URL.
                guard let secret = changed.webhookSecret else { throw HubError.badRequest("invalid_customer", "\(customerID) has no webhook to rotate.") }
                return shown(secret, of: customerID, title: "Webhook secret of \(customerID) rotated", request: request)
            },
            DashboardAction("/ui/customers/{customer_id}/webhook/remove", confirmation: { request in
                let customerID = try await existing(request)
                return "Remove the webhook of \(customerID)? Its events are no longer sent, and the deliveries still waiting are cancelled."
            }) { request in
                let customerID = try request.parameter("customer_id")
                _ = try await store.apply(CustomerChange(webhookURL: .some(nil)), to: customerID)
                return .redirect(to: CustomerPage.path(customerID), notice: "The webhook of \(customerID) is removed.")
            },
        ]
    }

    /// The customer the action is for; a 404 when there is none.
    private func existing(_ request: DashboardRequest) async throws -> String {
        let customerID = try request.parameter("customer_id")
        guard try await store.customer(customerID) != nil else { throw HubError.notFound("There is no customer \(customerID).") }
        return customerID
    }

    private func shown(_ secret: String, of customerID: String, title: String, request: DashboardRequest) -> DashboardOutcome {
        .view(SecretShownOnce(
            title: title,
            summary: "The signing secret of the webhook of \(customerID): give it to the receiver, which checks each event's signature with it.",
            elementID: "webhook-secret", secret: secret,
            nextHref: CustomerPage.path(customerID), nextLabel: "Back to customer \(customerID)"
        ).view(for: request))
    }
}
