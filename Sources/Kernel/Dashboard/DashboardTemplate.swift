import Mustache

/// A Mustache template of a dashboard page or panel, kept in Swift beside the code that
/// fills it (so the binary carries its pages and needs no files beside it).
///
/// `{{name}}` inserts a value HTML-escaped; `{{{name}}}` inserts HTML already rendered
/// (a chart, a section); `{{#list}}…{{/list}}` repeats. Values are read from the context
/// (a struct's stored properties or a dictionary); `{{csrf}}` is the session's CSRF token
/// wherever it is used, and `{{> csrf}}` is the hidden field every form must carry.
///
/// ```swift
/// static let template = DashboardTemplate("""
///     <form method="post" action="/ui/hosts/{{host_id}}/revoke">{{> csrf}}<button>Revoke</button></form>
///     """)
/// template.render(HostRow(…), for: request)
/// ```
package struct DashboardTemplate: Sendable {
    private let template: MustacheTemplate

    /// A template that does not parse is a programming error, found by the first test
    /// that renders the page.
    package init(_ text: String) {
        do {
            template = try MustacheTemplate(string: "{{#page}}" + text + "{{/page}}")
        } catch {
            preconditionFailure("dashboard template does not parse: \(error)\n\(text)")
        }
    }

    package func render(_ context: Any, for request: DashboardRequest) -> String {
        render(context, csrfToken: request.csrfToken)
    }

    package func render(_ context: Any, csrfToken: String) -> String {
        template.render(["csrf": csrfToken, "page": context] as [String: Any], library: Self.partials)
    }

    /// Pieces every template may include.
    static let partials: MustacheLibrary = {
        var library = MustacheLibrary()
        // The CSRF token as a form field: the kernel refuses a post without it.
        try? library.register(#"<input type="hidden" name="csrf" value="{{csrf}}">"#, named: "csrf")
        return library
    }()
}
