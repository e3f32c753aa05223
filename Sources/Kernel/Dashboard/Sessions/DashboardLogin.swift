import Foundation
import HTTPTypes

/// Logging in to the dashboard with the global key, and out again.
///
/// The login form carries a token of its own (a cookie the form must repeat), so another
/// site cannot log a browser in behind its back. Wrong keys are counted per client as
/// enrollment counts wrong tokens (``FailureLimiter``): past the limit the form answers
/// 429 until the minute is over. A right key starts a ``DashboardSession``.
struct DashboardLogin: Sendable {
    let sessions: DashboardSessions
    let globalKey: GlobalKeyStrategy
    let limiter: FailureLimiter
    let clock: any HubClock
    let lifetime: TimeInterval

    struct Form {
        let next: String
        let notice: String?
    }

    func routes(layout: DashboardLayout) -> [SliceRoute] {
        [
            SliceRoute(.get, "/ui/login", access: .open, bodyLimit: 0) { request in
                if case .valid = try await sessions.lookup(token: sessionToken(request)) {
                    return DashboardAnswer.redirect(to: DashboardAnswer.safeReturnPath(request.query["next"]) ?? "/ui/")
                }
                let notice = request.query["expired"] == "1"
                    ? "Your session has expired. Log in again."
                    : request.query["out"] == "1" ? "You have logged out." : nil
                return form(request, layout: layout, next: request.query["next"], notice: notice)
            },
            SliceRoute(.post, "/ui/login", access: .open, bodyLimit: 4096) { request in
                try await logIn(request, layout: layout)
            },
            SliceRoute(.post, "/ui/logout", access: .open, bodyLimit: 4096) { request in
                let secure = isSecure(request)
                let cleared = DashboardCookies.set(DashboardCookies.session, "", maxAge: 0, secure: secure)
                guard let token = sessionToken(request), case .valid(let session) = try await sessions.lookup(token: token) else {
                    return DashboardAnswer.redirect(to: "/ui/login", cookies: [cleared])
                }
                let form = try? DashboardForm.read(request)
                guard CSRFToken.matches(form?["csrf"], session.csrfToken) else {
                    request.logger.info("dashboard logout refused: CSRF token missing or wrong", metadata: ["session": "\(session.id)"])
                    return DashboardAnswer.html(
                        layout.render(title: "Forbidden", body: "", path: request.path, error: DashboardForm.csrfRefusal.message, csrfToken: session.csrfToken),
                        status: .forbidden
                    )
                }
                try await sessions.end(token: token)
                request.logger.info("dashboard logout", metadata: ["session": "\(session.id)"])
                return DashboardAnswer.redirect(to: "/ui/login?out=1", cookies: [cleared])
            },
        ]
    }

    /// Where a request without a live session is sent: the login form, which brings the
    /// operator back to the page afterwards (`next`).
    func sendToLogin(from request: HubRequest, expired: Bool) -> HubResponse {
        var target = request.method == .get ? request.path : "/ui/"
        if request.method == .get, !request.query.isEmpty {
            target += "?" + request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        }
        let cookies = expired ? [DashboardCookies.set(DashboardCookies.session, "", maxAge: 0, secure: isSecure(request))] : []
        let next = DashboardAnswer.safeReturnPath(target) ?? "/ui/"
        return DashboardAnswer.redirect(to: DashboardLink.to("/ui/login", ["next": next, "expired": expired ? "1" : nil]), cookies: cookies)
    }

    /// Whether the browser reached the hub over HTTPS: through a TLS proxy that says so.
    func isSecure(_ request: HubRequest) -> Bool {
        if request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" { return true }
        return request.headers[HTTPField.Name("Forwarded")!]?.lowercased().contains("proto=https") == true
    }

    private func sessionToken(_ request: HubRequest) -> String? {
        DashboardCookies.value(DashboardCookies.session, in: request.headers[.cookie])
    }

    private func logIn(_ request: HubRequest, layout: DashboardLayout) async throws -> HubResponse {
        let now = clock.now()
        let form: FormFields
        do {
            form = try DashboardForm.read(request)
        } catch let error as HubError {
            return self.form(request, layout: layout, next: nil, error: error.message, status: error.status)
        }
        let next = DashboardAnswer.safeReturnPath(form["next"]) ?? "/ui/"
        let formToken = DashboardCookies.value(DashboardCookies.login, in: request.headers[.cookie])
        guard let formToken, CSRFToken.matches(form["csrf"], formToken) else {
            request.logger.info("dashboard login refused: form token missing or wrong")
            return self.form(request, layout: layout, next: next, error: "The login form had expired. Try again.", status: .forbidden)
        }
        if let wait = limiter.retryAfter(client: request.clientAddress, now: now) {
            request.logger.info("dashboard login refused: too many wrong keys", metadata: ["client": "\(ClientBlock.key(request.clientAddress))"])
            return self.form(
                request, layout: layout, next: next, error: "Too many wrong keys from your address. Wait \(wait) seconds.",
                status: .tooManyRequests, extra: [.retryAfter: "\(wait)"]
            )
        }
        let key = form["key"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !key.isEmpty, try await globalKey.principal(forKeyHash: APIKey.hash(key)) != nil else {
            limiter.recordFailure(client: request.clientAddress, now: now)
            request.logger.info("dashboard login refused: wrong key", metadata: ["client": "\(ClientBlock.key(request.clientAddress))"])
            return self.form(request, layout: layout, next: next, error: "That is not the hub's global key.", status: .unauthorized)
        }
        let started = try await sessions.start()
        request.logger.notice("dashboard login", metadata: ["session": "\(started.session.id)"])
        let secure = isSecure(request)
        return DashboardAnswer.redirect(to: next, cookies: [
            DashboardCookies.set(DashboardCookies.session, started.token, maxAge: Int(lifetime), secure: secure),
            DashboardCookies.set(DashboardCookies.login, "", maxAge: 0, secure: secure, path: "/ui/login"),
        ])
    }

    private func form(
        _ request: HubRequest, layout: DashboardLayout, next: String?, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]
    ) -> HubResponse {
        let formToken = APIKey.generate()
        let body = Self.template.render(Form(next: DashboardAnswer.safeReturnPath(next) ?? "/ui/", notice: nil), csrfToken: formToken)
        let html = layout.render(title: "Log in", body: body, path: request.path, notice: notice, error: error, csrfToken: nil)
        return DashboardAnswer.html(
            html, status: status,
            cookies: [DashboardCookies.set(DashboardCookies.login, formToken, maxAge: 3600, secure: isSecure(request), path: "/ui/login")],
            extra: extra
        )
    }

    static let template = DashboardTemplate("""
        <section class="panel">
        <form method="post" action="/ui/login" class="stack" id="login">
        {{> csrf}}
        <input type="hidden" name="next" value="{{next}}">
        <label for="key">Global API key
        <input type="password" id="key" name="key" autocomplete="current-password" required autofocus></label>
        <p class="muted">The key is in <code>global-api-key</code> in the hub's data folder, or in <code>HUB_GLOBAL_API_KEY</code>.</p>
        <button type="submit" class="primary">Log in</button>
        </form>
        </section>
        """)
}
