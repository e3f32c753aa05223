/// A slice's panel on the dashboard's overview (`/ui/`): its part of the fleet at a
/// glance. Panels are shown by ascending `position`; one that answers `nil` is left out.
package struct OverviewPanel: Sendable {
    package let position: Int
    /// HTML rendered from a ``DashboardTemplate``.
    package let render: @Sendable (DashboardRequest) async throws -> String?

    package init(position: Int, render: @escaping @Sendable (DashboardRequest) async throws -> String?) {
        self.position = position
        self.render = render
    }
}

/// A part of another slice's page: a later slice adds what it knows to an earlier
/// slice's page (signed-ops adds the ops to a host's page) through a ``ContributionKey``
/// the earlier slice declares. Sections are shown by ascending `position`; one that
/// answers `nil` is left out. The section reads the page's path parameters from the
/// request.
package struct DashboardSection: Sendable {
    package let position: Int
    package let render: @Sendable (DashboardRequest) async throws -> String?

    package init(position: Int, render: @escaping @Sendable (DashboardRequest) async throws -> String?) {
        self.position = position
        self.render = render
    }
}
