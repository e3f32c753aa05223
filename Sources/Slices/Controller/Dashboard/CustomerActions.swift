import Kernel

/// The customer page's account changes: block (asked first), unblock, and paid_until.
/// Each is a ``CustomerChange`` applied by the store, as
/// `PATCH /api/v1/admin/customers/{customer_id}` applies it.
struct CustomerActions: Sendable {
    let store: CustomerStore

    var actions: [DashboardAction] {
        [
            DashboardAction("/ui/customers/{customer_id}/block", confirmation: { request in
                let customer = try await existing(request)
                return "Block customer \(customer.customerID)? Its controller and hosts are told so at their next report, and no new host of it can enroll."
            }) { request in
                try await change(request, CustomerChange(status: .blocked), notice: { "\($0) is blocked." })
            },
            DashboardAction("/ui/customers/{customer_id}/unblock") { request in
                try await change(request, CustomerChange(status: .active), notice: { "\($0) is active again." })
            },
            DashboardAction("/ui/customers/{customer_id}/paid-until") { request in
                let paidUntil: Timestamp?
                if let text = request.form.text("paid_until") {
                    guard let parsed = DashboardTime.parse(text) else {
                        throw HubError.badRequest(
                            "invalid_customer", "Paid until must be a date and time such as 2026-12-01T10:00 (UTC), or empty to clear it."
                        )
                    }
                    paidUntil = parsed
                } else {
                    paidUntil = nil
                }
                return try await change(request, CustomerChange(paidUntil: .some(paidUntil)), notice: { customerID in
                    paidUntil.map { "\(customerID) is paid until \(DashboardTime.display($0))." } ?? "\(customerID) has no paid_until any more."
                })
            },
        ]
    }

    private func existing(_ request: DashboardRequest) async throws -> Customer {
        let customerID = try request.parameter("customer_id")
        guard let customer = try await store.customer(customerID) else { throw HubError.notFound("There is no customer \(customerID).") }
        return customer
    }

    private func change(_ request: DashboardRequest, _ change: CustomerChange, notice: (String) -> String) async throws -> DashboardOutcome {
        let customerID = try request.parameter("customer_id")
        _ = try await store.apply(change, to: customerID)
        return .redirect(to: CustomerPage.path(customerID), notice: notice(customerID))
    }
}
