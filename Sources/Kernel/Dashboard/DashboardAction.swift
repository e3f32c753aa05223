/// A change an operator makes from the dashboard: a form posted to `path`.
///
/// The kernel lets it through only on `POST`, from a logged-in operator, with the
/// session's CSRF token in the form (else 403). An action with a ``confirmation`` is done
/// in two steps: the first post answers a page asking the question, with every field of
/// the form carried over and a confirm button; only the post from that page (it carries
/// `confirmed=yes`) performs the change.
package struct DashboardAction: Sendable {
    /// A path under `/ui/`; `{name}` captures a parameter.
    package let path: String
    /// The question asked before the change (`"Revoke host acme-k3x9q2?"`); `nil` for a
    /// change done at once.
    package let confirmation: (@Sendable (DashboardRequest) async throws -> String)?
    package let perform: @Sendable (DashboardRequest) async throws -> DashboardOutcome

    package init(
        _ path: String, confirmation: (@Sendable (DashboardRequest) async throws -> String)? = nil,
        perform: @escaping @Sendable (DashboardRequest) async throws -> DashboardOutcome
    ) {
        self.path = path
        self.confirmation = confirmation
        self.perform = perform
    }
}

/// What an action answers.
package enum DashboardOutcome: Sendable {
    /// Done: the browser is sent (303) to `path`, which shows `notice` once.
    case redirect(to: String, notice: String)
    /// A page shown in answer to the post itself and never again: a fresh secret that is
    /// shown once (an enrollment token, a webhook secret).
    case view(DashboardView)
}
