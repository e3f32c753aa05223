import Kernel

/// What the controller slice adds to the dashboard: the customers' list and pages, the
/// changes an operator makes there, and the overview's controllers, customers and
/// webhook panels. Built from the same store, flags and webhook policy the admin API
/// uses, so a change made here is the change the API would make.
struct ControllerDashboard: Sendable {
    let store: CustomerStore
    let flags: FlagBook
    let webhookTargets: WebhookTargetPolicy
    let environment: SliceEnvironment

    var parts: DashboardParts {
        let listing = CustomerListing(database: environment.database, clock: environment.clock, configuration: environment.configuration)
        let customerPage = CustomerPage(
            store: store, listing: listing, events: environment.events, contributions: environment.contributions
        )
        return DashboardParts(
            pages: [CustomersPage(listing: listing).page, customerPage.page],
            actions: [NewCustomerAction(store: store).action] + CustomerActions(store: store).actions
                + WebhookActions(store: store, flags: flags, webhookTargets: webhookTargets).actions,
            panels: [ControllerPanels(database: environment.database, clock: environment.clock, configuration: environment.configuration).panel]
        )
    }
}
