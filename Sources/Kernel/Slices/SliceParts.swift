import ServiceLifecycle

/// What an enabled slice contributes while the hub runs.
package struct SliceParts: Sendable {
    package var routes: [SliceRoute]
    package var authStrategies: [any AuthStrategy]
    package var checkers: [any Checker]
    /// Long-running parts (a delivery loop, say) that `hub serve` runs beside the HTTP
    /// server and the ticker in one `ServiceGroup`, and stops with them.
    package var services: [any Service]
    /// Long-running parts that must run once per fleet (webhook delivery): run as
    /// ``services`` are, but only on the replica that leads (``Leadership``).
    package var leaderServices: [any Service]
    /// Gauges refreshed just before each `GET /metrics`.
    package var samplers: [any MetricsSampler]
    /// Told of every event recorded, in the event's own transaction (a delivery outbox).
    package var eventListeners: [any EventListener]
    /// Its pages, form actions and overview panels in the dashboard (`/ui/`).
    package var dashboard: DashboardParts

    package init(
        routes: [SliceRoute] = [], authStrategies: [any AuthStrategy] = [], checkers: [any Checker] = [],
        services: [any Service] = [], leaderServices: [any Service] = [], samplers: [any MetricsSampler] = [], eventListeners: [any EventListener] = [],
        dashboard: DashboardParts = DashboardParts()
    ) {
        self.routes = routes
        self.authStrategies = authStrategies
        self.checkers = checkers
        self.services = services
        self.leaderServices = leaderServices
        self.samplers = samplers
        self.eventListeners = eventListeners
        self.dashboard = dashboard
    }
}
