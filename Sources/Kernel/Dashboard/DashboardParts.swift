/// What a slice adds to the dashboard while enabled: its pages, the actions their forms
/// post to, and its panels on the overview. A slice switched off shows none of them.
package struct DashboardParts: Sendable {
    package var pages: [DashboardPage]
    package var actions: [DashboardAction]
    package var panels: [OverviewPanel]

    package init(pages: [DashboardPage] = [], actions: [DashboardAction] = [], panels: [OverviewPanel] = []) {
        self.pages = pages
        self.actions = actions
        self.panels = panels
    }
}
