import Foundation
import HTTPTypes
import Kernel

/// A logged-in operator's browser for tests of the dashboard: it keeps the session
/// cookie, sends it with every request, and puts the session's CSRF token into forms.
package struct DashboardBrowser: Sendable {
    package let client: HubClient
    package let sessionCookie: String
    package let csrfToken: String

    /// Logs in through the login form, as a browser does: fetch the form (its token comes
    /// as a cookie and a hidden field), post it with the key.
    package static func logIn(_ client: HubClient, key: String = TestHub.globalKey) async throws -> DashboardBrowser {
        let reply = try await logInReply(client, key: key)
        guard reply.status == 303, let session = cookie("hub_session", in: reply.headers) else {
            throw DashboardBrowserError("login answered \(reply.status): \(reply.body.prefix(500))")
        }
        let page = try await client.send(.get, "/ui/flags", headers: [.cookie: "hub_session=\(session)"])
        guard let token = hiddenField("csrf", in: page.body) else { throw DashboardBrowserError("no CSRF token on /ui/flags") }
        return DashboardBrowser(client: client, sessionCookie: session, csrfToken: token)
    }

    /// The answer to posting the login form with `key`.
    package static func logInReply(_ client: HubClient, key: String, headers extra: HTTPFields = [:]) async throws -> HubClient.Reply {
        let form = try await client.send(.get, "/ui/login")
        guard let loginCookie = cookie("hub_login", in: form.headers), let token = hiddenField("csrf", in: form.body) else {
            throw DashboardBrowserError("the login form carries no token")
        }
        var headers = extra
        headers[.cookie] = "hub_login=\(loginCookie)"
        return try await postForm(client, "/ui/login", [("csrf", token), ("next", "/ui/"), ("key", key)], headers: headers)
    }

    package func get(_ path: String) async throws -> HubClient.Reply {
        try await client.send(.get, path, headers: [.cookie: "hub_session=\(sessionCookie)"])
    }

    /// Posts a form with the session's CSRF token (unless `csrf` is false); `confirmed`
    /// answers an action's confirmation question in advance.
    package func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true, confirmed: Bool = false) async throws -> HubClient.Reply {
        var all = fields
        if csrf { all.append(("csrf", csrfToken)) }
        if confirmed { all.append(("confirmed", "yes")) }
        return try await Self.postForm(client, path, all, headers: [.cookie: "hub_session=\(sessionCookie)"])
    }

    /// The page a change's 303 sends the browser to, with the one-time notice the change
    /// left in its cookie, as a browser follows it.
    package func follow(_ reply: HubClient.Reply) async throws -> HubClient.Reply {
        guard let location = reply.headers[.location] else { throw DashboardBrowserError("not a redirect: \(reply.status)") }
        var cookies = "hub_session=\(sessionCookie)"
        if let notice = Self.cookie("hub_notice", in: reply.headers) { cookies += "; hub_notice=\(notice)" }
        return try await client.send(.get, location, headers: [.cookie: cookies])
    }

    /// The text inside the element with `id` (up to its first child tag or end tag).
    package static func element(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: #"id="\#(id)""#), let open = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[html.index(after: open)...].prefix { $0 != "<" })
    }

    /// How many table rows `html` has whose `id` starts with `prefix`.
    package static func rows(_ prefix: String, in html: String) -> Int {
        html.components(separatedBy: #"<tr id="\#(prefix)"#).count - 1
    }

    package static func postForm(_ client: HubClient, _ path: String, _ fields: [(String, String)], headers extra: HTTPFields = [:]) async throws -> HubClient.Reply {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await client.send(.post, path, headers: headers, bytes: Array(body.utf8))
    }

    /// The value of cookie `name` set by an answer.
    package static func cookie(_ name: String, in headers: HTTPFields) -> String? {
        for field in headers[values: .setCookie] where field.hasPrefix(name + "=") {
            let value = field.dropFirst(name.count + 1).prefix { $0 != ";" }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// The value of the first hidden input named `name` in a page.
    package static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}

package struct DashboardBrowserError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
