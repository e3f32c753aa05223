import Kernel

/// `POST /ui/customers`: adds a customer through the store the admin API and
/// `hub customers add` use, and shows its new API key once.
struct NewCustomerAction: Sendable {
    let store: CustomerStore

    var action: DashboardAction {
        DashboardAction("/ui/customers") { request in
            let customerID = request.form.text("customer_id") ?? ""
            let created = try await store.create(customerID: customerID, name: request.form.text("name"))
            return .view(SecretShownOnce(
                title: "Customer \(customerID) created",
                summary: "The API key of customer \(customerID): its controller sends it with every report.",
                elementID: "new-customer-key", secret: created.apiKey,
                nextHref: CustomerPage.path(customerID), nextLabel: "Go to customer \(customerID)"
            ).view(for: request))
        }
    }
}
