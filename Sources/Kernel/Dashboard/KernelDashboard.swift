/// Puts the dashboard together: the kernel's pages (overview, events, flags, slices) and
/// the enabled slices' pages, actions and panels, behind one login.
struct KernelDashboard {
    let hub: HubRuntime
    let globalKeyHash: String
    /// Each enabled slice's contribution, in dependency order.
    let slices: [(name: String, parts: DashboardParts)]

    func assemble() -> Dashboard {
        let configuration = hub.configuration
        let sessions = DashboardSessions(database: hub.database, clock: hub.clock, lifetime: configuration.dashboardSessionLifetime)
        let login = DashboardLogin(
            sessions: sessions, globalKey: GlobalKeyStrategy(keyHash: globalKeyHash),
            limiter: FailureLimiter(limit: configuration.dashboardLoginFailuresPerMinute), clock: hub.clock,
            lifetime: configuration.dashboardSessionLifetime
        )
        let panels = slices.flatMap(\.parts.panels) + KernelPanels(hub: hub).panels
        let events = EventsPage(events: hub.events)
        let flags = FlagsPage(flags: hub.flags)
        let pages = OverviewPage(panels: panels).pages + events.pages + flags.pages + SlicesPage(hub: hub).pages + slices.flatMap(\.parts.pages)
        return Dashboard(sessions: sessions, login: login, pages: pages, actions: flags.actions + slices.flatMap(\.parts.actions), version: hub.version)
    }
}
