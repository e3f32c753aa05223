/// A page of the operator's dashboard (`/ui/…`), contributed by the slice that owns its
/// data, as a Django app registers its admin pages.
///
/// The kernel serves it on `GET` only to a logged-in operator (anyone else is sent to the
/// login page), wraps what it renders in the shared layout (navigation, notices, the
/// logout form) and answers a thrown ``HubError`` with an HTML page of that status.
///
/// ```swift
/// DashboardPage("/ui/hosts", navigation: .init(label: "Hosts", position: 20)) { request in
///     DashboardView(title: "Hosts", body: HostsPage.template.render(table, for: request))
/// }
/// ```
package struct DashboardPage: Sendable {
    /// A path under `/ui/`; `{name}` captures a parameter, as in a ``SliceRoute``.
    package let path: String
    /// Its entry in the navigation bar, for a page reached without a parameter.
    package let navigation: DashboardNavigation?
    package let render: @Sendable (DashboardRequest) async throws -> DashboardView

    package init(
        _ path: String, navigation: DashboardNavigation? = nil, render: @escaping @Sendable (DashboardRequest) async throws -> DashboardView
    ) {
        self.path = path
        self.navigation = navigation
        self.render = render
    }
}

/// A page's place in the navigation bar: entries are shown by ascending `position`.
package struct DashboardNavigation: Sendable, Equatable {
    package let label: String
    package let position: Int

    package init(label: String, position: Int) {
        self.label = label
        self.position = position
    }
}
