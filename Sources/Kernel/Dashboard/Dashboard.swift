import Foundation
import HTTPTypes
import Logging

/// The operator's dashboard at `/ui/`: the kernel's shell around the pages the enabled
/// slices contribute (``DashboardParts``).
///
/// The shell owns what every page shares: the login with the global key and the
/// session it starts (``DashboardSessions``), the CSRF token every form must carry, the
/// layout, the stylesheet and script, the confirmation step of an action, and HTML
/// answers for errors. Its routes are mounted beside the API's but are not part of the
/// API document: they answer HTML to a browser, not JSON to a program.
struct Dashboard: Sendable {
    let sessions: DashboardSessions
    let login: DashboardLogin
    let layout: DashboardLayout
    let pages: [DashboardPage]
    let actions: [DashboardAction]

    init(sessions: DashboardSessions, login: DashboardLogin, pages: [DashboardPage], actions: [DashboardAction], version: String) {
        self.sessions = sessions
        self.login = login
        self.layout = DashboardLayout(pages: pages, version: version)
        self.pages = pages
        self.actions = actions
    }

    var routes: [SliceRoute] {
        [
            asset("/ui/assets/hub.css", DashboardAssets.stylesheet, type: "text/css; charset=utf-8"),
            asset("/ui/assets/live.js", DashboardAssets.script, type: "text/javascript; charset=utf-8"),
        ] + login.routes(layout: layout) + pages.map(pageRoute) + actions.map(actionRoute) + unknownPaths
    }

    /// Any other path under `/ui/`, shown or posted to: a page that says so in the
    /// dashboard's frame (a mistyped or outdated link, a page or form of a slice switched
    /// off), not the API's JSON. The router prefers every page, action and asset to this
    /// catch-all, whatever their order.
    private var unknownPaths: [SliceRoute] {
        [HTTPRequest.Method.get, .post].map { method in
            SliceRoute(method, "/ui/**", access: .open) { request in
                switch try await sessions.lookup(token: DashboardCookies.value(DashboardCookies.session, in: request.headers[.cookie])) {
                case .valid(let session):
                    return errorPage(Self.unknownPath, path: request.path, session: session, back: "/ui/")
                case .expired: return login.sendToLogin(from: request, expired: true)
                case .unknown: return login.sendToLogin(from: request, expired: false)
                }
            }
        }
    }

    static let unknownPath = HubError.notFound("There is no such page in this hub's dashboard (its slice may be switched off).")

    private func asset(_ path: String, _ text: String, type: String) -> SliceRoute {
        SliceRoute(.get, path, access: .open, bodyLimit: 0) { _ in
            var headers = DashboardAnswer.securityHeaders
            headers[.contentType] = type
            headers[.cacheControl] = "public, max-age=3600"
            return HubResponse(status: .ok, headers: headers, body: .init(string: text))
        }
    }

    private func pageRoute(_ page: DashboardPage) -> SliceRoute {
        SliceRoute(.get, page.path, access: .open, bodyLimit: 0) { request in
            let session: DashboardSession
            switch try await sessions.lookup(token: DashboardCookies.value(DashboardCookies.session, in: request.headers[.cookie])) {
            case .valid(let valid): session = valid
            case .expired: return login.sendToLogin(from: request, expired: true)
            case .unknown: return login.sendToLogin(from: request, expired: false)
            }
            let dashboardRequest = DashboardRequest(
                path: request.path, pathParameters: request.pathParameters, query: request.query,
                actor: session.actor, csrfToken: session.csrfToken, logger: request.logger
            )
            do {
                let view = try await page.render(dashboardRequest)
                if view.isFragment { return DashboardAnswer.html(view.body) }
                let notice = DashboardCookies.decodeNotice(DashboardCookies.value(DashboardCookies.notice, in: request.headers[.cookie]))
                let html = layout.render(title: view.title, body: view.body, path: request.path, notice: notice, csrfToken: session.csrfToken)
                let clearNotice = notice == nil ? [] : [DashboardCookies.set(DashboardCookies.notice, "", maxAge: 0, secure: login.isSecure(request))]
                return DashboardAnswer.html(html, status: HTTPResponse.Status(code: view.status), cookies: clearNotice)
            } catch let error as HubError where error.status.code < 500 {
                return errorPage(error, path: request.path, session: session, back: "/ui/")
            }
        }
    }

    private func actionRoute(_ action: DashboardAction) -> SliceRoute {
        SliceRoute(.post, action.path, access: .open) { request in
            let session: DashboardSession
            switch try await sessions.lookup(token: DashboardCookies.value(DashboardCookies.session, in: request.headers[.cookie])) {
            case .valid(let valid): session = valid
            case .expired: return login.sendToLogin(from: request, expired: true)
            case .unknown: return login.sendToLogin(from: request, expired: false)
            }
            let form: FormFields
            do {
                form = try DashboardForm.read(request)
            } catch let error as HubError {
                return errorPage(error, path: request.path, session: session, back: "/ui/")
            }
            let back = DashboardAnswer.safeReturnPath(form["return_to"]) ?? "/ui/"
            guard CSRFToken.matches(form["csrf"], session.csrfToken) else {
                request.logger.info("dashboard form refused: CSRF token missing or wrong", metadata: ["path": "\(request.path)", "session": "\(session.id)"])
                return errorPage(DashboardForm.csrfRefusal, path: request.path, session: session, back: back)
            }
            let dashboardRequest = DashboardRequest(
                path: request.path, pathParameters: request.pathParameters, query: request.query, form: form,
                actor: session.actor, csrfToken: session.csrfToken, logger: request.logger
            )
            do {
                if let confirmation = action.confirmation, form["confirmed"] != "yes" {
                    let question = try await confirmation(dashboardRequest)
                    let body = DashboardConfirmation.render(question: question, action: request.path, form: form, back: back, csrfToken: session.csrfToken)
                    return DashboardAnswer.html(layout.render(title: "Confirm", body: body, path: request.path, csrfToken: session.csrfToken))
                }
                switch try await action.perform(dashboardRequest) {
                case .redirect(let location, let notice):
                    request.logger.info("dashboard change", metadata: ["path": "\(request.path)", "session": "\(session.id)"])
                    return DashboardAnswer.redirect(
                        to: location, cookies: [DashboardCookies.set(DashboardCookies.notice, DashboardCookies.encodeNotice(notice), maxAge: 60, secure: login.isSecure(request))]
                    )
                case .view(let view):
                    request.logger.info("dashboard change", metadata: ["path": "\(request.path)", "session": "\(session.id)"])
                    let html = layout.render(title: view.title, body: view.body, path: request.path, csrfToken: session.csrfToken)
                    return DashboardAnswer.html(html, status: HTTPResponse.Status(code: view.status))
                }
            } catch let error as HubError where error.status.code < 500 {
                request.logger.info("dashboard change refused", metadata: ["path": "\(request.path)", "code": "\(error.code)"])
                return errorPage(error, path: request.path, session: session, back: back)
            }
        }
    }

    private func errorPage(_ error: HubError, path: String, session: DashboardSession, back: String) -> HubResponse {
        let body = DashboardErrorPage.template.render(DashboardErrorPage(code: error.code, back: back), csrfToken: session.csrfToken)
        let title = error.status.reasonPhrase
        let html = layout.render(title: title.isEmpty ? "Error" : title, body: body, path: path, error: error.message, csrfToken: session.csrfToken)
        return DashboardAnswer.html(html, status: error.status)
    }
}
