import Logging

/// What a dashboard page or action is given: the request of a logged-in operator.
package struct DashboardRequest: Sendable {
    /// The path as requested (`/ui/hosts/acme-k3x9q2`).
    package let path: String
    /// Percent-decoded path parameters.
    package let pathParameters: [String: String]
    package let query: [String: String]
    /// The posted form (empty on a page).
    package let form: FormFields
    /// Who acts, as the audit trail names them: the session (`session:<id>`), never key
    /// material.
    package let actor: String
    /// The session's CSRF token; ``DashboardTemplate`` puts it into every form as `{{csrf}}`.
    package let csrfToken: String
    package let logger: Logger

    package init(
        path: String, pathParameters: [String: String] = [:], query: [String: String] = [:], form: FormFields = FormFields(),
        actor: String, csrfToken: String, logger: Logger
    ) {
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.form = form
        self.actor = actor
        self.csrfToken = csrfToken
        self.logger = logger
    }

    /// A path parameter the page declared.
    package func parameter(_ name: String) throws -> String {
        guard let value = pathParameters[name] else { throw HubError.notFound() }
        return value
    }

    /// A query value, `nil` when absent or empty (an empty filter field means no filter).
    package func queryValue(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }
}
