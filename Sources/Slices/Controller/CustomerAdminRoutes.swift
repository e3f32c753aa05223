import Foundation
import Kernel

/// The customers part of the admin API (operator contract §3).
struct CustomerAdminRoutes {
    let store: CustomerStore
    let flags: FlagBook
    let webhookTargets: WebhookTargetPolicy

    struct NewCustomer: Decodable {
        let customerID: String
        let name: String?

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id"
            case name
        }
    }

    /// A customer, plus the webhook secret on the one answer that reveals it.
    struct Changed: Encodable {
        let customer: Customer
        let webhookSecret: String?

        enum CodingKeys: CodingKey {
            case webhookSecret
        }

        /// The customer's own keys, and beside them the secret when there is one.
        func encode(to encoder: any Encoder) throws {
            try customer.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(webhookSecret, forKey: .webhookSecret)
        }
    }

    struct CustomerList: Encodable { let customers: [Customer] }

    var routes: [SliceRoute] {
        [
            SliceRoute(.post, "/api/v1/admin/customers", access: .global) { request in
                let body = try request.decode(NewCustomer.self, errorCode: "invalid_customer_id")
                let created = try await store.create(customerID: body.customerID, name: body.name)
                return try .json(KeyShownOnce.customer(created.customer.customerID, apiKey: created.apiKey), status: .created)
            },
            SliceRoute(.get, "/api/v1/admin/customers", access: .global) { _ in
                try .json(CustomerList(customers: try await store.list()))
            },
            SliceRoute(.get, "/api/v1/admin/customers/{customer_id}", access: .global) { request in
                let customerID = try request.parameter("customer_id")
                guard let customer = try await store.customer(customerID) else { throw HubError.notFound("no customer \(customerID)") }
                return try .json(customer)
            },
            SliceRoute(.patch, "/api/v1/admin/customers/{customer_id}", access: .global) { request in
                let customerID = try request.parameter("customer_id")
                let change = try request.decode(CustomerChange.self, errorCode: "invalid_customer")
                // An unknown customer is a 404 whatever the body asks (customers are never
                // deleted, so the answer holds for the change below).
                guard try await store.customer(customerID) != nil else { throw HubError.notFound("no customer \(customerID)") }
                if case .some(.some(let url)) = change.webhookURL {
                    try await webhookTargets.check(url, for: customerID, flags: flags)
                }
                let changed = try await store.apply(change, to: customerID)
                return try .json(Changed(customer: changed.customer, webhookSecret: changed.webhookSecret))
            },
        ]
    }
}
