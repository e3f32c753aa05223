import ServiceLifecycle

/// What an enabled slice contributes while the hub runs.
public struct SliceParts: Sendable {
    public var routes: [SliceRoute]
    public var authStrategies: [any AuthStrategy]
    public var checkers: [any Checker]
    /// Long-running parts (a delivery loop, say) that `hub serve` runs beside the HTTP
    /// server and the ticker in one `ServiceGroup`, and stops with them.
    public var services: [any Service]
    /// Gauges refreshed just before each `GET /metrics`.
    public var samplers: [any MetricsSampler]
    /// Told of every event recorded, in the event's own transaction (a delivery outbox).
    public var eventListeners: [any EventListener]

    public init(
        routes: [SliceRoute] = [], authStrategies: [any AuthStrategy] = [], checkers: [any Checker] = [],
        services: [any Service] = [], samplers: [any MetricsSampler] = [], eventListeners: [any EventListener] = []
    ) {
        self.routes = routes
        self.authStrategies = authStrategies
        self.checkers = checkers
        self.services = services
        self.samplers = samplers
        self.eventListeners = eventListeners
    }
}
