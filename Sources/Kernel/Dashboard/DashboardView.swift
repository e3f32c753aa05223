/// A rendered page body, before the kernel's layout wraps it.
package struct DashboardView: Sendable {
    /// The page's `<title>` and `<h1>`.
    package let title: String
    /// HTML, rendered from a ``DashboardTemplate`` (which escapes what it inserts).
    package let body: String
    /// Sent with the page (`Cache-Control: no-store` is always sent).
    package let status: Int
    /// A part of a page, answered without the layout: what a live element fetches
    /// (`data-live-url`, see the dashboard's `live.js`).
    package let isFragment: Bool

    package init(title: String, body: String, status: Int = 200) {
        self.title = title
        self.body = body
        self.status = status
        self.isFragment = false
    }

    private init(fragment: String) {
        title = ""
        body = fragment
        status = 200
        isFragment = true
    }

    package static func fragment(_ html: String) -> DashboardView {
        DashboardView(fragment: html)
    }
}
