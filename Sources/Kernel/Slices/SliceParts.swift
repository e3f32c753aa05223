import ServiceLifecycle

/// What an enabled slice contributes while the hub runs.
package struct SliceParts: Sendable {
    package var routes: [SliceRoute]
    package var authStrategies: [any AuthStrategy]
    package var checkers: [any Checker]
    /// Long-running parts (a delivery loop, say) that `hub serve` runs beside the HTTP
    /// server and the ticker in one `ServiceGroup`, and stops with them.
    package var services: [any Service]
    /// Gauges refreshed just before each `GET /metrics`.
    package var samplers: [any MetricsSampler]
    /// Told of every event recorded, in the event's own transaction (a delivery outbox).
    package var eventListeners: [any EventListener]
    /// Its pages, form actions and overview panels in the dashboard (`/ui/`).
    package var dashboard: DashboardParts

    package init(
        routes: [SliceRoute] = [], authStrategies: [any AuthStrategy] = [], checkers: [any Checker] = [],
        services: [any Service] = [], samplers: [any MetricsSampler] = [], eventListeners: [any EventListener] = [],
        dashboard: DashboardParts = DashboardParts()
    ) {
        self.routes = routes
        self.authStrategies = authStrategies
        self.checkers = checkers
        self.services = services
        self.samplers = samplers
        self.eventListeners = eventListeners
        self.dashboard = dashboard
    }
}
