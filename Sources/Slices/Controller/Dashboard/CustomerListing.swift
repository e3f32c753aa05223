import Foundation
import GRDB
import Kernel

/// The customers table of `/ui/customers`: customers matching a filter, a page at a
/// time, each with its controller's state. Never reads key material: only whether a
/// webhook is set, not its secret.
struct CustomerListing: Sendable {
    let database: HubDatabase
    let clock: any HubClock
    let configuration: HubConfiguration

    static let pageSize = 50

    /// What the operator filters by; each part left `nil` does not filter.
    struct Filter: Sendable {
        let status: Customer.Status?
        let controller: ControllerState?
        /// Part of the customer id or name, in any case (of ASCII letters, as SQLite compares).
        let text: String?

        /// The filter in a page's query (`?status=blocked&controller=stale&q=acme`).
        init(_ request: DashboardRequest) throws {
            if let text = request.queryValue("status") {
                guard let status = Customer.Status(rawValue: text) else {
                    throw HubError.badRequest("invalid_query", "status must be active or blocked")
                }
                self.status = status
            } else {
                status = nil
            }
            controller = try ControllerState.filter(request.queryValue("controller"))
            let text = request.queryValue("q")?.trimmingCharacters(in: .whitespaces) ?? ""
            self.text = text.isEmpty ? nil : text
        }
    }

    /// A customer as the table shows it.
    struct Line: Sendable, SnakeCaseRecord {
        let customerID: String
        let name: String
        let status: Customer.Status
        let paidUntil: Timestamp?
        let hasWebhook: Bool
        let lastReportAt: Timestamp?
        let controllerState: String
    }

    /// The page `requestedPage` of the customers matching `filter`, by id.
    func page(_ filter: Filter, requestedPage: String?) async throws -> (lines: [Line], pager: DashboardPager) {
        var conditions: [String] = []
        var arguments = SQLArguments(ControllerState.arguments(now: clock.now(), configuration: configuration))
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let state = filter.controller {
            conditions.append("controller_state = ?")
            arguments += [state.rawValue]
        }
        if let text = filter.text {
            let like = database.dialect.caseInsensitiveLike
            conditions.append("(customer_id \(like) ? ESCAPE '\\' OR name \(like) ? ESCAPE '\\')")
            let pattern = "%" + Self.likeEscaped(text) + "%"
            arguments += [pattern, pattern]
        }
        let matching = """
            SELECT * FROM (
                SELECT customer_id, name, status, paid_until, webhook_url IS NOT NULL AS has_webhook, last_report_at,
                    \(ControllerState.sqlExpression) AS controller_state
                FROM customer_configs
            ) AS listing WHERE \(conditions.isEmpty ? "true" : conditions.joined(separator: " AND "))
            """
        let bound = arguments
        return try await database.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(matching)) AS matching", arguments: bound) ?? 0
            let pager = DashboardPager(requested: requestedPage, perPage: Self.pageSize, total: total)
            let lines = try Line.fetchAll(
                db, sql: matching + " ORDER BY customer_id LIMIT ? OFFSET ?", arguments: bound + [pager.perPage, pager.offset]
            )
            return (lines, pager)
        }
    }

    /// The controller's state of one customer, as the table would show it.
    func controllerState(of customerID: String) async throws -> ControllerState {
        let arguments = SQLArguments(ControllerState.arguments(now: clock.now(), configuration: configuration)) + [customerID]
        let text = try await database.read { db in
            try String.fetchOne(
                db, sql: "SELECT \(ControllerState.sqlExpression) FROM customer_configs WHERE customer_id = ?", arguments: arguments
            )
        }
        return text.flatMap(ControllerState.init(rawValue:)) ?? .never
    }

    /// `text` matched literally by `LIKE … ESCAPE '\'`: its `%` and `_` are not wildcards.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: #"\"#, with: #"\\"#).replacingOccurrences(of: "%", with: #"\%"#)
            .replacingOccurrences(of: "_", with: #"\_"#)
    }
}
